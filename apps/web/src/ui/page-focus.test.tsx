import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { Layout } from './Layout';
import { answer } from './test-utils';

function Later() {
  const [shown, setShown] = useState(false);
  useEffect(() => void setTimeout(() => setShown(true), 50), []);
  return shown ? <h1>Robots club</h1> : <p>…</p>;
}

function renderApp() {
  vi.spyOn(api, 'GET').mockResolvedValue(answer(401, { type: 'about:blank', title: 'Unauthorized', status: 401, instance: '/v1/me', code: 'unauthenticated' }));
  const router = createMemoryRouter([
    {
      element: <Layout />,
      children: [
        { path: '/', element: <section><h1>All clubs</h1><Link to="/programs/1">Robots</Link></section> },
        { path: '/programs/1', element: <Later /> },
      ],
    },
  ]);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

afterEach(() => vi.restoreAllMocks());

describe('focus and title on navigation', () => {
  it('names the tab after the first page but leaves focus where the browser put it', async () => {
    renderApp();
    await waitFor(() => expect(document.title).toBe('All clubs · Codeshelf'));
    expect(screen.getByRole('heading', { level: 1 })).not.toHaveFocus();
  });

  it('moves focus to the new page’s h1 once it shows, and names the tab after it', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('link', { name: 'Robots' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Robots club' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(document.title).toBe('Robots club · Codeshelf');
  });
});
