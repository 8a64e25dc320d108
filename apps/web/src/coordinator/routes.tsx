import type { RouteObject } from 'react-router';
import { consolePage } from '../ui/console-words';
import type { NavItem } from '../ui/nav';

const DashboardPage = consolePage(() => import('./DashboardPage'), 'coordinator', 'mentor');
const ProgramsPage = consolePage(() => import('./ProgramsPage'), 'coordinator', 'mentor');
const ProgramFormPage = consolePage(() => import('./ProgramFormPage'), 'coordinator', 'mentor');
const ProgramConsolePage = consolePage(() => import('./ProgramConsolePage'), 'coordinator', 'mentor');
const SessionPage = consolePage(() => import('./SessionPage'), 'coordinator', 'mentor');
const MentorsPage = consolePage(() => import('./MentorsPage'), 'coordinator', 'mentor');
const RosterPage = consolePage(() => import('./RosterPage'), 'coordinator', 'mentor');
const AttendanceProgramPage = consolePage(() => import('./AttendanceProgramPage'), 'coordinator', 'mentor');
const AttendanceSessionPage = consolePage(() => import('./AttendanceSessionPage'), 'coordinator', 'mentor');
const CheckInCodePage = consolePage(() => import('./CheckInCodePage'), 'coordinator', 'mentor');
const SchoolsPage = consolePage(() => import('./SchoolsPage'), 'coordinator');
const RosterImportPage = consolePage(() => import('./RosterImportPage'), 'coordinator');

/** The coordinator console's pages, each loaded on first visit with the words it shows (route-level code splitting). */
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
  { path: '/coordinator/schools', element: <SchoolsPage /> },
  { path: '/coordinator/schools/import', element: <RosterImportPage /> },
];

/** Its entries in the site's navigation. */
export const nav: NavItem[] = [
  { to: '/coordinator', label: 'nav.staff.today' },
  { to: '/coordinator/programs', label: 'nav.staff.programs' },
  { to: '/coordinator/mentors', label: 'nav.staff.mentors' },
  { to: '/coordinator/schools', label: 'nav.staff.schools' },
];
