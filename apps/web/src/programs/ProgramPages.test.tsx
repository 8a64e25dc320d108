import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, type Schemas } from '../api/client';
import { answer, renderWithApp } from '../ui/test-utils';
import { CataloguePage } from './CataloguePage';
import ProgramPage from './ProgramPage';

const branch: Schemas['BranchDto'] = { id: 'b1', name: 'Central', address: '', timezone: 'America/Chicago' } as Schemas['BranchDto'];
const program = (id: string, title: string): Schemas['CatalogueProgramDto'] =>
  ({
    id,
    branchId: 'b1',
    title,
    description: '',
    level: 'beginner',
    minAge: 12,
    maxAge: 17,
    startsOn: '2027-01-05',
    endsOn: '2027-05-25',
    seatsLeft: 3,
    waitlistEnabled: true,
    waitlistedCount: 0,
    nextSession: { startsAt: '2027-01-12T22:00:00.000Z', endsAt: '2027-01-12T23:30:00.000Z' },
  }) as Schemas['CatalogueProgramDto'];
const unauthenticated = answer(401, { type: 'about:blank', title: 'Unauthorized', status: 401, instance: '/v1/me', code: 'unauthenticated' });

function mockApi(pages: Record<string, (query: Record<string, unknown>) => unknown>) {
  return vi.spyOn(api, 'GET').mockImplementation((async (path: string, init?: { params?: { query?: Record<string, unknown> } }) => {
    if (path === '/v1/me') return unauthenticated;
    if (path === '/v1/branches') return answer(200, { items: [branch], nextCursor: null });
    return answer(200, pages[path](init?.params?.query ?? {}));
  }) as never);
}

afterEach(() => vi.restoreAllMocks());

describe('the catalogue', () => {
  it('says when each club meets from the one list answer, and shows more clubs page by page', async () => {
    const get = mockApi({
      '/v1/programs': ({ cursor }) =>
        cursor ? { items: [program('p2', 'Web pages')], nextCursor: null } : { items: [program('p1', 'Robots')], nextCursor: 'next-page' },
    });
    renderWithApp(<CataloguePage />);
    expect(await screen.findByRole('link', { name: 'Robots' })).toBeInTheDocument();
    expect(screen.getByText(/Every Tuesday, 4:00\sPM–5:30\sPM CST \(America\/Chicago\)/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 club shown, more below');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Show more clubs' }));
    expect(await screen.findByRole('link', { name: 'Web pages' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('2 clubs');
    expect(screen.queryByRole('button', { name: 'Show more clubs' })).not.toBeInTheDocument();
    expect(get.mock.calls.map((call) => String((call as unknown[])[0])).filter((path) => path.includes('sessions'))).toEqual([]);
  });
});

describe('the program page', () => {
  it('names each session’s mentors by first name, and says no "Where" for a branch without an address', async () => {
    mockApi({
      '/v1/programs/{id}': () => program('p1', 'Robots'),
      '/v1/programs/{id}/sessions': () => ({
        items: [
          { id: 's1', programId: 'p1', startsAt: '2027-01-12T22:00:00.000Z', endsAt: '2027-01-12T23:30:00.000Z', topic: 'Loops', status: 'scheduled', mentors: [{ firstName: 'María', role: 'lead' }, { firstName: 'Ben', role: 'assistant' }] },
          { id: 's2', programId: 'p1', startsAt: '2027-01-19T22:00:00.000Z', endsAt: '2027-01-19T23:30:00.000Z', topic: '', status: 'scheduled', mentors: [] },
        ],
        nextCursor: null,
      }),
    });
    renderWithApp(
      <Routes>
        <Route path="/programs/:id" element={<ProgramPage />} />
      </Routes>,
      { path: '/programs/p1' },
    );
    expect(await screen.findByText('Mentors: María and Ben')).toBeInTheDocument();
    expect(screen.getAllByText(/^Mentors?:/)).toHaveLength(1);
    expect(screen.queryByText(/^Where:/)).not.toBeInTheDocument();
  });
});
