import type { InternshipEntity } from './internship.entity';

export interface TeenStanding {
  age: number;
  /** Share of held sessions attended over all their programs; null before any was held. */
  attendanceRate: number | null;
}

export interface Reason {
  rule: 'min-age' | 'min-attendance-rate';
  message: string;
}

/** Rule 8: why a teen may not apply to the internship (empty when they may). A minimum rate of 0 asks nothing. */
export function ineligibility(internship: Pick<InternshipEntity, 'minAge' | 'minAttendanceRate'>, teen: TeenStanding): Reason[] {
  const reasons: Reason[] = [];
  if (internship.minAge !== null && teen.age < internship.minAge) reasons.push({ rule: 'min-age', message: `You must be at least ${internship.minAge}.` });
  const min = internship.minAttendanceRate;
  if (min && (teen.attendanceRate === null || teen.attendanceRate < min)) {
    const needed = `an attendance rate of at least ${Math.round(min * 100)}%`;
    const message =
      teen.attendanceRate === null
        ? `You have no attended sessions yet (no sessions held yet in your clubs); this internship needs ${needed}.`
        : `This internship needs ${needed}; you have ${Math.round(teen.attendanceRate * 100)}%.`;
    reasons.push({ rule: 'min-attendance-rate', message });
  }
  return reasons;
}

/** Open for applications: published as open, and now inside [opensAt, closesAt). */
export const takesApplications = (i: Pick<InternshipEntity, 'status' | 'opensAt' | 'closesAt'>, now = new Date()) =>
  i.status === 'open' && i.opensAt <= now && now < i.closesAt;
