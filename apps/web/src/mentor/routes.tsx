import type { RouteObject } from 'react-router';
import { consolePage } from '../ui/console-words';
import type { NavItem } from '../ui/nav';

const MentorHomePage = consolePage(() => import('./MentorHomePage'), 'mentor', 'coordinator');
const MentorSessionPage = consolePage(() => import('./MentorSessionPage'), 'mentor', 'coordinator');
// The same projector screen the coordinators use: mentors may show their session's code too.
const CheckInCodePage = consolePage(() => import('../coordinator/CheckInCodePage'), 'mentor', 'coordinator');

/** The mentor console's pages, each loaded on first visit with the words it shows (route-level code splitting). */
export const routes: RouteObject[] = [
  { path: '/mentor', element: <MentorHomePage /> },
  { path: '/mentor/sessions/:id', element: <MentorSessionPage /> },
  { path: '/mentor/sessions/:id/check-in-code', element: <CheckInCodePage /> },
];

/** Its entries in the site's navigation. */
export const nav: NavItem[] = [{ to: '/mentor', label: 'nav.staff.mySessions' }];
