import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../ui/nav';

const UsersPage = lazy(() => import('./UsersPage'));
const BranchesPage = lazy(() => import('./BranchesPage'));
const BranchPage = lazy(() => import('./BranchPage'));
const SponsorsPage = lazy(() => import('./SponsorsPage'));
const SponsorPage = lazy(() => import('./SponsorPage'));
const OutboxPage = lazy(() => import('./OutboxPage'));

/** The admin console's pages, each loaded on first visit (route-level code splitting). */
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
  { to: '/admin/users', label: 'admin.nav.users' },
  { to: '/admin/branches', label: 'admin.nav.branches' },
  { to: '/admin/sponsors', label: 'admin.nav.sponsors' },
  { to: '/admin/outbox', label: 'admin.nav.outbox' },
];
