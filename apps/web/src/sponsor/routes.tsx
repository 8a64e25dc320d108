import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../ui/nav';

const OutcomesPage = lazy(() => import('./OutcomesPage'));
const InternshipsPage = lazy(() => import('./InternshipsPage'));
const IntegrationsPage = lazy(() => import('./IntegrationsPage'));
const OwnIntegrations = lazy(() => import('./IntegrationsPage').then((m) => ({ default: m.OwnIntegrations })));

/** The sponsor console's pages, each loaded on first visit (route-level code splitting). */
export const routes: RouteObject[] = [
  { path: '/sponsor', element: <OutcomesPage /> },
  { path: '/sponsor/internships', element: <InternshipsPage /> },
  { path: '/sponsor/integrations', element: <OwnIntegrations /> },
  // Also where the admin console's sponsors list links, for any sponsor.
  { path: '/sponsors/:sponsorId/integrations', element: <IntegrationsPage /> },
];

/** Its entries in the site's navigation. */
export const nav: NavItem[] = [
  { to: '/sponsor', label: 'sponsor.nav.outcomes' },
  { to: '/sponsor/internships', label: 'sponsor.nav.internships' },
  { to: '/sponsor/integrations', label: 'sponsor.nav.integrations' },
];
