import type { RouteObject } from 'react-router';
import type { NavItem } from '../ui/nav';

/** The sponsor console's pages, each loaded on first visit (route-level code splitting). */
export const routes: RouteObject[] = [];

/** Its entries in the site's navigation. */
export const nav: NavItem[] = [];
