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

/** Rule 8: why a teen may not apply to the internship (empty when they may). */
export function ineligibility(internship: Pick<InternshipEntity, 'minAge' | 'minAttendanceRate'>, teen: TeenStanding): Reason[] {
  const reasons: Reason[] = [];
  if (internship.minAge !== null && teen.age < internship.minAge) reasons.push({ rule: 'min-age', message: `You must be at least ${internship.minAge}.` });
  if (internship.minAttendanceRate !== null && (teen.attendanceRate === null || teen.attendanceRate < internship.minAttendanceRate)) {
    const have = teen.attendanceRate === null ? 'no sessions held yet' : `${Math.round(teen.attendanceRate * 100)}%`;
    reasons.push({ rule: 'min-attendance-rate', message: `An attendance rate of at least ${Math.round(internship.minAttendanceRate * 100)}% is needed (you have ${have}).` });
  }
  return reasons;
}

/** Open for applications: published as open, and now inside [opensAt, closesAt). */
export const takesApplications = (i: Pick<InternshipEntity, 'status' | 'opensAt' | 'closesAt'>, now = new Date()) =>
  i.status === 'open' && i.opensAt <= now && now < i.closesAt;
