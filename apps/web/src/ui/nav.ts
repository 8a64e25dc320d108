import type { Schemas } from '../api/client';
import { nav as adminNav } from '../admin/routes';
import { nav as coordinatorNav } from '../coordinator/routes';
import { nav as mentorNav } from '../mentor/routes';
import { nav as sponsorNav } from '../sponsor/routes';

export type Role = Schemas['MeDto']['role'];
/** A navigation entry: where it goes and the i18n key of its label. */
export interface NavItem {
  to: string;
  label: string;
}

const teenNav: NavItem[] = [
  { to: '/me', label: 'nav.home' },
  { to: '/check-in', label: 'nav.checkIn' },
  { to: '/internships', label: 'nav.internships' },
];

/** What each role sees in the navigation beside the clubs: admins run the branches too, so they get the coordinator's pages after their own. */
export function navFor(role: Role): NavItem[] {
  switch (role) {
    case 'participant':
      return teenNav;
    case 'coordinator':
      return coordinatorNav;
    case 'mentor':
      return mentorNav;
    case 'sponsor':
      return sponsorNav;
    case 'admin':
      return [...adminNav, ...coordinatorNav];
  }
}

/** Where a person lands after signing in: their first page. */
export function homeOf(role: Role): string {
  return navFor(role)[0]?.to ?? '/';
}
