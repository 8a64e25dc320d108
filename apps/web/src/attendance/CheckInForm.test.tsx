import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, type Schemas } from '../api/client';
import { answer, renderWithApp } from '../ui/test-utils';
import { CheckInForm } from './CheckInPage';

const session: Schemas['ScheduleItemDto'] = {
  sessionId: '7c1e6c8e-1111-4b7a-9a52-2f0a6d2b0001',
  programId: 'p1',
  programTitle: 'Scratch Club',
  topic: 'Loops',
  startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  endsAt: new Date(Date.now() + 80 * 60_000).toISOString(),
  timezone: 'America/Denver',
  branchName: 'Central',
  roomName: 'Lab',
  status: 'scheduled',
  cancelReason: null,
  as: 'participant',
} as Schemas['ScheduleItemDto'];

const problem = (status: number, code: string, extra: object = {}) =>
  answer(status, { type: 'about:blank', title: code, status, instance: '/v1/sessions/x/check-ins', code, ...extra });

afterEach(() => vi.restoreAllMocks());

async function checkIn(code = '123456') {
  const user = userEvent.setup();
  renderWithApp(<CheckInForm sessions={[session]} />);
  await user.type(screen.getByLabelText('Six-digit code'), code);
  await user.click(screen.getByRole('button', { name: 'Check in' }));
}

describe('check-in answers in words', () => {
  it('names the session it applies to, in the branch’s zone', () => {
    renderWithApp(<CheckInForm sessions={[session]} />);
    expect(screen.getByText('Scratch Club')).toBeInTheDocument();
    expect(screen.getByText(/America\/Denver/)).toBeInTheDocument();
  });

  it('checked in', async () => {
    const post = vi.spyOn(api, 'POST').mockResolvedValue(
      answer(201, { sessionId: session.sessionId, participantId: 'x', status: 'present', method: 'self_check_in', checkedInAt: new Date().toISOString() }),
    );
    await checkIn();
    expect(await screen.findByRole('status')).toHaveTextContent('You are checked in');
    expect(post).toHaveBeenCalledWith('/v1/sessions/{id}/check-ins', { params: { path: { id: session.sessionId } }, body: { code: '123456' } });
  });

  it('late', async () => {
    vi.spyOn(api, 'POST').mockResolvedValue(
      answer(201, { sessionId: session.sessionId, participantId: 'x', status: 'late', method: 'self_check_in', checkedInAt: new Date().toISOString() }),
    );
    await checkIn();
    expect(await screen.findByRole('status')).toHaveTextContent('marked late');
  });

  it('wrong code, with the tries left', async () => {
    vi.spyOn(api, 'POST').mockResolvedValue(problem(422, 'check-in-code-invalid', { attemptsLeft: 2 }));
    await checkIn();
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong code. You have 2 tries left.');
    expect(screen.getByLabelText('Six-digit code')).toHaveAttribute('aria-invalid', 'true');
  });

  it('too early', async () => {
    vi.spyOn(api, 'POST').mockResolvedValue(
      problem(422, 'check-in-window-closed', { opensAt: new Date(Date.now() + 3_600_000).toISOString(), closesAt: new Date(Date.now() + 7_200_000).toISOString() }),
    );
    await checkIn();
    expect(await screen.findByRole('alert')).toHaveTextContent('Too early: check-in opens at');
  });

  it('too many tries', async () => {
    vi.spyOn(api, 'POST').mockResolvedValue(problem(429, 'check-in-locked', { retryAfterSeconds: 300 }));
    await checkIn();
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many tries. Wait about 5 minutes');
  });

  it('keeps only digits, six at most, and says a short code is wrong without asking the API', async () => {
    const post = vi.spyOn(api, 'POST');
    const user = userEvent.setup();
    renderWithApp(<CheckInForm sessions={[session]} />);
    await user.type(screen.getByLabelText('Six-digit code'), '12a3-4567');
    expect(screen.getByLabelText('Six-digit code')).toHaveValue('123456');
    await user.clear(screen.getByLabelText('Six-digit code'));
    await user.type(screen.getByLabelText('Six-digit code'), '123');
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong code');
    expect(post).not.toHaveBeenCalled();
  });
});

describe('the link from the mentor’s screen', () => {
  it('fills in the code and picks the session it names', () => {
    const other = { ...session, sessionId: '7c1e6c8e-1111-4b7a-9a52-2f0a6d2b0002', programTitle: 'Python Club' };
    renderWithApp(<CheckInForm sessions={[session, other]} />, { path: `/check-in?sessionId=${other.sessionId}&code=654321` });
    expect(screen.getByLabelText('Six-digit code')).toHaveValue('654321');
    expect(screen.getByRole('radio', { name: /Python Club/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Scratch Club/ })).not.toBeChecked();
  });
});
