import type { RouteObject } from 'react-router';
import { consolePage } from '../ui/console-words';
import type { NavItem } from '../ui/nav';

const UsersPage = consolePage(() => import('./UsersPage'), 'admin');
const BranchesPage = consolePage(() => import('./BranchesPage'), 'admin');
const BranchPage = consolePage(() => import('./BranchPage'), 'admin');
const SponsorsPage = consolePage(() => import('./SponsorsPage'), 'admin');
const SponsorPage = consolePage(() => import('./SponsorPage'), 'admin');
const OutboxPage = consolePage(() => import('./OutboxPage'), 'admin');

/** The admin console's pages, each loaded on first visit with the words it shows (route-level code splitting). */
export const routes: RouteObject[] = [
  { path: '/admin/users', element: <UsersPage /> },
  { path: '/admin/branches', element: <BranchesPage /> },
  { path: '/admin/branches/:branchId', element: <BranchPage /> },
  { path: '/admin/sponsors', element: <SponsorsPage /> },
  { path: '/admin/sponsors/:sponsorId', element: <SponsorPage /> },
  { path: '/admin/outbox', element: <OutboxPage /> },
];

/** Its entries in the site's navigation. */
export const nav: NavItem[] = [
  { to: '/admin/users', label: 'nav.staff.users' },
  { to: '/admin/branches', label: 'nav.staff.branches' },
  { to: '/admin/sponsors', label: 'nav.staff.sponsors' },
  { to: '/admin/outbox', label: 'nav.staff.outbox' },
];
