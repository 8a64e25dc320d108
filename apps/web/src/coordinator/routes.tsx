import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../ui/nav';

const MentorsPage = lazy(() => import('./MentorsPage'));
const RosterPage = lazy(() => import('./RosterPage'));
const AttendanceProgramPage = lazy(() => import('./AttendanceProgramPage'));
const AttendanceSessionPage = lazy(() => import('./AttendanceSessionPage'));
const CheckInCodePage = lazy(() => import('./CheckInCodePage'));

/** The coordinator console's pages, each loaded on first visit (route-level code splitting). */
export const routes: RouteObject[] = [
  { path: '/coordinator/mentors', element: <MentorsPage /> },
  { path: '/coordinator/programs/:id/roster', element: <RosterPage /> },
  { path: '/coordinator/programs/:id/attendance', element: <AttendanceProgramPage /> },
  { path: '/coordinator/sessions/:id/attendance', element: <AttendanceSessionPage /> },
  { path: '/coordinator/sessions/:id/check-in-code', element: <CheckInCodePage /> },
];

/** Its entries in the site's navigation. */
export const nav: NavItem[] = [{ to: '/coordinator/mentors', label: 'coordinator.mentors.nav' }];
