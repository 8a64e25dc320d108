import type { ApplicationStatus } from './application.entity';

/** Who decides a step: the teen who applied, or the posting sponsor (an admin may act for it; a coordinator may not). */
export type Side = 'teen' | 'sponsor';

/** Rule 8's pipeline: submitted → shortlisted → offered → accepted | declined → completed; rejected or withdrawn from any open state. */
export const TRANSITIONS: Record<ApplicationStatus, Partial<Record<ApplicationStatus, Side>>> = {
  submitted: { shortlisted: 'sponsor', rejected: 'sponsor', withdrawn: 'teen' },
  shortlisted: { offered: 'sponsor', rejected: 'sponsor', withdrawn: 'teen' },
  offered: { accepted: 'teen', declined: 'teen', rejected: 'sponsor', withdrawn: 'teen' },
  accepted: { completed: 'sponsor' },
  declined: {},
  rejected: {},
  withdrawn: {},
  completed: {},
};

/** The states that hold one of the internship's slots. */
export const HOLDS_SLOT: readonly ApplicationStatus[] = ['offered', 'accepted', 'completed'];

export type StepCheck = { ok: true } | { ok: false; reason: 'illegal'; allowed: ApplicationStatus[] } | { ok: false; reason: 'not-yours'; side: Side };

/** The statuses `side` may move an application to from `from`, in the pipeline's order. */
export function movesOf(from: ApplicationStatus, side: Side): ApplicationStatus[] {
  const next = TRANSITIONS[from];
  return (Object.keys(next) as ApplicationStatus[]).filter((s) => next[s] === side);
}

/** Whether `side` may move an application from `from` to `to`; if not, why (and what it may do instead). */
export function checkStep(from: ApplicationStatus, to: ApplicationStatus, side: Side): StepCheck {
  const owner = TRANSITIONS[from][to];
  if (!owner) return { ok: false, reason: 'illegal', allowed: movesOf(from, side) };
  if (owner !== side) return { ok: false, reason: 'not-yours', side: owner };
  return { ok: true };
}
