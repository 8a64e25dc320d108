import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../ui/nav';

const MentorHomePage = lazy(() => import('./MentorHomePage'));
const MentorSessionPage = lazy(() => import('./MentorSessionPage'));
// The same projector screen the coordinators use: mentors may show their session's code too.
const CheckInCodePage = lazy(() => import('../coordinator/CheckInCodePage'));

/** The mentor console's pages, each loaded on first visit (route-level code splitting). */
export const routes: RouteObject[] = [
  { path: '/mentor', element: <MentorHomePage /> },
  { path: '/mentor/sessions/:id', element: <MentorSessionPage /> },
  { path: '/mentor/sessions/:id/check-in-code', element: <CheckInCodePage /> },
];

/** Its entries in the site's navigation. */
export const nav: NavItem[] = [{ to: '/mentor', label: 'mentor.nav.home' }];
