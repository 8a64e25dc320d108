import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, type Schemas } from '../api/client';
import { answer, renderWithApp } from '../ui/test-utils';
import { Pipeline } from './Pipeline';

const applicant = (fields: Partial<Schemas['ApplicantDto']>): Schemas['ApplicantDto'] => ({
  pseudonym: 'applicant-7QK2M9XD4T',
  shared: false,
  eligibility: { eligible: true, minAge: true, minAttendanceRate: null },
  ageBand: null,
  attendanceBand: null,
  programs: [],
  ...fields,
});

const application = (id: string, status: Schemas['ReceivedApplicationDto']['status'], nextStatuses: Schemas['ReceivedApplicationDto']['nextStatuses'], who: Schemas['ApplicantDto']) =>
  ({ id, internshipId: 'i1', statement: 'Hello', status, hired: null, createdAt: '2027-03-01T10:00:00Z', nextStatuses, applicant: who }) as Schemas['ReceivedApplicationDto'];

afterEach(() => vi.restoreAllMocks());

describe('the applications pipeline', () => {
  it('names only the teens who shared, and offers exactly the moves the API lists', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue(
      answer(200, {
        items: [
          application('a1', 'submitted', ['shortlisted', 'rejected'], applicant({ firstName: 'Tess', lastName: 'Teen', shared: false })),
          application('a2', 'accepted', ['completed'], applicant({ pseudonym: 'applicant-ALEX000000', shared: true, firstName: 'Alex', lastName: 'Adult', email: 'alex@example.test' })),
          application('a3', 'declined', [], applicant({ pseudonym: 'applicant-DONE000000' })),
        ],
        nextCursor: null,
      }),
    );
    renderWithApp(<Pipeline internshipId="i1" title="Summer" />);
    const privateOne = await screen.findByRole('article', { name: 'applicant-7QK2M9XD4T' });
    expect(screen.queryByText(/Tess/)).not.toBeInTheDocument();
    expect(within(privateOne).getAllByRole('button').map((b) => b.textContent)).toEqual(['Shortlist applicant-7QK2M9XD4T', 'Do not select applicant-7QK2M9XD4T']);
    const alex = screen.getByRole('article', { name: 'Alex Adult' });
    expect(within(alex).getAllByRole('button').map((b) => b.textContent)).toEqual(['Completed: Alex Adult hired', 'Completed: Alex Adult not hired']);
    expect(within(screen.getByRole('article', { name: 'applicant-DONE000000' })).queryAllByRole('button')).toEqual([]);
  });

  it('sends the move with the outcome, and shows a refusal in words', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue(answer(200, { items: [application('a2', 'shortlisted', ['offered', 'rejected'], applicant({}))], nextCursor: null }));
    const patch = vi
      .spyOn(api, 'PATCH')
      .mockResolvedValue(answer(409, { type: 'about:blank', title: 'Slots filled', status: 409, instance: '/v1/applications/a2', code: 'slots-filled', detail: 'All 2 places are offered.' }));
    renderWithApp(<Pipeline internshipId="i1" title="Summer" />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Offer applicant-7QK2M9XD4T a place' }));
    expect(patch).toHaveBeenCalledWith('/v1/applications/{id}', { params: { path: { id: 'a2' } }, body: { status: 'offered' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('All 2 places are offered.');
  });
});
