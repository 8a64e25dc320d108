import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../ui/nav';

const DashboardPage = lazy(() => import('./DashboardPage'));
const ProgramsPage = lazy(() => import('./ProgramsPage'));
const ProgramFormPage = lazy(() => import('./ProgramFormPage'));
const ProgramConsolePage = lazy(() => import('./ProgramConsolePage'));
const SessionPage = lazy(() => import('./SessionPage'));

/** The coordinator console's pages, each loaded on first visit (route-level code splitting). */
export const routes: RouteObject[] = [
  { path: '/coordinator', element: <DashboardPage /> },
  { path: '/coordinator/programs', element: <ProgramsPage /> },
  { path: '/coordinator/programs/new', element: <ProgramFormPage /> },
  { path: '/coordinator/programs/:id', element: <ProgramConsolePage /> },
  { path: '/coordinator/programs/:id/edit', element: <ProgramFormPage /> },
  { path: '/coordinator/sessions/:id', element: <SessionPage /> },
];

/** Its entries in the site's navigation. */
export const nav: NavItem[] = [
  { to: '/coordinator', label: 'coordinator.nav.today' },
  { to: '/coordinator/programs', label: 'coordinator.nav.programs' },
];
