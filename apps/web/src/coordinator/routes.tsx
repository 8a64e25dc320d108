import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../ui/nav';

const DashboardPage = lazy(() => import('./DashboardPage'));
const ProgramsPage = lazy(() => import('./ProgramsPage'));
const ProgramFormPage = lazy(() => import('./ProgramFormPage'));
const ProgramConsolePage = lazy(() => import('./ProgramConsolePage'));
const SessionPage = lazy(() => import('./SessionPage'));
const MentorsPage = lazy(() => import('./MentorsPage'));
const RosterPage = lazy(() => import('./RosterPage'));
const AttendanceProgramPage = lazy(() => import('./AttendanceProgramPage'));
const AttendanceSessionPage = lazy(() => import('./AttendanceSessionPage'));
const CheckInCodePage = lazy(() => import('./CheckInCodePage'));

/** The coordinator console's pages, each loaded on first visit (route-level code splitting). */
export const routes: RouteObject[] = [
  { path: '/coordinator', element: <DashboardPage /> },
  { path: '/coordinator/programs', element: <ProgramsPage /> },
  { path: '/coordinator/programs/new', element: <ProgramFormPage /> },
  { path: '/coordinator/programs/:id', element: <ProgramConsolePage /> },
  { path: '/coordinator/programs/:id/edit', element: <ProgramFormPage /> },
  { path: '/coordinator/programs/:id/roster', element: <RosterPage /> },
  { path: '/coordinator/programs/:id/attendance', element: <AttendanceProgramPage /> },
  { path: '/coordinator/sessions/:id', element: <SessionPage /> },
  { path: '/coordinator/sessions/:id/attendance', element: <AttendanceSessionPage /> },
  { path: '/coordinator/sessions/:id/check-in-code', element: <CheckInCodePage /> },
  { path: '/coordinator/mentors', element: <MentorsPage /> },
];

/** Its entries in the site's navigation. */
export const nav: NavItem[] = [
  { to: '/coordinator', label: 'coordinator.nav.today' },
  { to: '/coordinator/programs', label: 'coordinator.nav.programs' },
  { to: '/coordinator/mentors', label: 'coordinator.mentors.nav' },
];
