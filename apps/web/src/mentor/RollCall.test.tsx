import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, type Schemas } from '../api/client';
import { answer, renderWithApp } from '../ui/test-utils';
import { nextStatus, RollCall } from './RollCall';

const teen = (participantId: string, firstName: string, status: Schemas['AttendeeDto']['status'] = null): Schemas['AttendeeDto'] => ({
  participantId,
  firstName,
  lastInitial: 'R.',
  status,
  note: null,
  method: status ? 'roll_call' : null,
  checkedInAt: null,
});

const sheet: Schemas['SessionAttendanceDto'] = {
  sessionId: 's1',
  startsAt: new Date().toISOString(),
  endsAt: new Date().toISOString(),
  teens: [teen('t1', 'Ana'), teen('t2', 'Ben'), teen('t3', 'Cai', 'excused')],
  mentors: [{ mentorId: 'm1', displayName: 'Max Mentor', role: 'lead', status: null }],
};

afterEach(() => vi.restoreAllMocks());

describe('roll call', () => {
  it('cycles present → late → absent → excused → present, an unmarked teen starting at present', () => {
    expect([null, 'present', 'late', 'absent', 'excused'].map((s) => nextStatus(s as never))).toEqual(['present', 'late', 'absent', 'excused', 'present']);
  });

  it('one tap per teen, named with the status and announced; all present leaves the marked ones; one save of the whole sheet', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue(answer(200, sheet));
    const put = vi.spyOn(api, 'PUT').mockResolvedValue(answer(200, sheet));
    const user = userEvent.setup();
    renderWithApp(<RollCall sessionId="s1" />);
    const ana = await screen.findByRole('button', { name: /^Ana R\..*Not marked/ });
    await user.click(ana);
    await user.click(ana);
    expect(ana).toHaveAccessibleName(/Ana R\..*Late/);
    expect(screen.getByRole('status')).toHaveTextContent('Ana R.: Late');
    await user.click(screen.getByRole('button', { name: 'All present' }));
    expect(screen.getByRole('button', { name: /^Ben R\..*Present/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Cai R\..*Excused/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'All present' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Save roll call' }));
    expect(put).toHaveBeenCalledWith('/v1/sessions/{id}/attendance', {
      params: { path: { id: 's1' } },
      body: {
        records: [
          { participantId: 't1', status: 'late' },
          { participantId: 't2', status: 'present' },
          { participantId: 't3', status: 'excused' },
        ],
        mentors: [{ mentorId: 'm1', status: 'present' }],
      },
    });
    expect(await screen.findByText('Roll call saved.')).toBeInTheDocument();
  });

  it('says in words why a save was refused', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue(answer(200, sheet));
    vi.spyOn(api, 'PUT').mockResolvedValue(
      answer(409, { type: 'about:blank', title: 'Session not begun', status: 409, instance: '/v1/sessions/s1/attendance', code: 'roll-call-not-open' }),
    );
    const user = userEvent.setup();
    renderWithApp(<RollCall sessionId="s1" />);
    await user.click(await screen.findByRole('button', { name: 'Save roll call' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Roll call opens shortly before the session starts');
  });
});
