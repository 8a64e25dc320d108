import type { EntityManager } from 'typeorm';

/** A program as a list of other things shows it: its term, status, branch and seat counters. */
export interface ProgramOverview {
  id: string;
  title: string;
  branchId: string;
  branchName: string;
  startsOn: string;
  endsOn: string;
  status: 'draft' | 'published' | 'archived';
  capacity: number;
  /** Teens holding a seat now. */
  enrolledCount: number;
  waitlistedCount: number;
}

const OVERVIEWS = `
SELECT p.id, p.title, p.branch_id AS "branchId", b.name AS "branchName", p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn", p.status,
       p.capacity, p.enrolled_count AS "enrolledCount", p.waitlisted_count AS "waitlistedCount"
  FROM program p JOIN branch b ON b.id = p.branch_id WHERE p.id = ANY($1::uuid[])`;

/** Read model: the overviews of these programs (those that exist), in no order. */
export async function programOverviews(db: EntityManager, programIds: string[]): Promise<ProgramOverview[]> {
  return programIds.length ? db.query(OVERVIEWS, [programIds]) : [];
}
