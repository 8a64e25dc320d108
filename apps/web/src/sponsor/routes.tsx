import type { RouteObject } from 'react-router';
import { consolePage } from '../ui/console-words';
import type { NavItem } from '../ui/nav';

const OutcomesPage = consolePage(() => import('./OutcomesPage'), 'sponsor');
const InternshipsPage = consolePage(() => import('./InternshipsPage'), 'sponsor');
const IntegrationsPage = consolePage(() => import('./IntegrationsPage'), 'sponsor');
const OwnIntegrations = consolePage(() => import('./IntegrationsPage').then((m) => ({ default: m.OwnIntegrations })), 'sponsor');

/** The sponsor console's pages, each loaded on first visit with the words it shows (route-level code splitting). */
export const routes: RouteObject[] = [
  { path: '/sponsor', element: <OutcomesPage /> },
  { path: '/sponsor/internships', element: <InternshipsPage /> },
  { path: '/sponsor/integrations', element: <OwnIntegrations /> },
  // Also where the admin console's sponsors list links, for any sponsor.
  { path: '/sponsors/:sponsorId/integrations', element: <IntegrationsPage /> },
];

/** Its entries in the site's navigation. */
export const nav: NavItem[] = [
  { to: '/sponsor', label: 'nav.staff.outcomes' },
  { to: '/sponsor/internships', label: 'nav.staff.internships' },
  { to: '/sponsor/integrations', label: 'nav.staff.integrations' },
];
