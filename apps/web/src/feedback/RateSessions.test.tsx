import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, type Schemas } from '../api/client';
import { answer, renderWithApp } from '../ui/test-utils';
import { RateSessions } from './RateSessions';

const request: Schemas['FeedbackRequestDto'] = {
  sessionId: '7c1e6c8e-1111-4b7a-9a52-2f0a6d2b0002',
  programId: 'p1',
  programTitle: 'Scratch Club',
  topic: 'Loops',
  startsAt: new Date(Date.now() - 26 * 3_600_000).toISOString(),
  endsAt: new Date(Date.now() - 24 * 3_600_000).toISOString(),
  timezone: 'America/Denver',
  closesAt: new Date(Date.now() + 6 * 24 * 3_600_000).toISOString(),
  rating: null,
  comment: null,
};

afterEach(() => vi.restoreAllMocks());

describe('rating a session', () => {
  it('asks for a rating first, then sends it with the comment', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue(answer(200, [request]));
    const post = vi.spyOn(api, 'POST').mockResolvedValue(answer(201, { sessionId: request.sessionId, rating: 4, comment: 'Fun', createdAt: new Date().toISOString() }));
    const user = userEvent.setup();
    renderWithApp(<RateSessions />);
    const group = await screen.findByRole('group', { name: 'How was this session?' });
    expect(group).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send my rating' }));
    expect(await screen.findByText('Pick a rating from 1 to 5.')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();

    await user.click(screen.getByRole('radio', { name: '4 · Good' }));
    await user.type(screen.getByLabelText('Anything to tell the mentors? (optional)'), 'Fun');
    await user.click(screen.getByRole('button', { name: 'Send my rating' }));
    expect(post).toHaveBeenCalledWith('/v1/sessions/{id}/feedback', { params: { path: { id: request.sessionId } }, body: { rating: 4, comment: 'Fun' } });
  });

  it('thanks a teen who already rated, and shows nothing when there is nothing to rate', async () => {
    const get = vi.spyOn(api, 'GET').mockResolvedValue(answer(200, [{ ...request, rating: 5 }]));
    const { unmount } = renderWithApp(<RateSessions />);
    expect(await screen.findByRole('status')).toHaveTextContent('Thanks! You gave it 5 of 5.');
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    unmount();
    get.mockResolvedValue(answer(200, []));
    renderWithApp(<RateSessions />);
    expect(screen.queryByRole('heading', { name: 'How was it?' })).not.toBeInTheDocument();
  });
});
