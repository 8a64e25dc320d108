import type { EntityManager } from 'typeorm';
import { CLEARANCE_KINDS, type ClearanceStatus } from '../mentors/mentor-clearance.entity';

/** Why a mentor is not cleared on a date: the kind, and its state then (`missing` when none was ever recorded). */
export interface ClearanceGap {
  kind: (typeof CLEARANCE_KINDS)[number];
  clearanceStatus: Exclude<ClearanceStatus, 'cleared'> | 'expired' | 'missing';
  clearanceId: string | null;
}

/**
 * The one clearance rule, for assigning a mentor and for moving a session they are on: for each kind, the
 * record in force on `date` is the latest one begun by then (greatest valid_from, then the last recorded), so
 * a later rejection — or a pending re-check — overrides an earlier clearance, and a later clearance a
 * rejection. The mentor is cleared when that record of every kind is `cleared` and not expired. Null if cleared.
 */
export async function clearanceGap(manager: EntityManager, mentorId: string, date: string): Promise<ClearanceGap | null> {
  const [gap] = await manager.query<{ kind: ClearanceGap['kind']; status: ClearanceStatus | null; id: string | null }[]>(
    `SELECT k.kind, latest.status, latest.id
       FROM unnest($3::text[]) AS k(kind)
       LEFT JOIN LATERAL (
         SELECT c.id, c.status, c.expires_on FROM mentor_clearance c
          WHERE c.mentor_id = $1 AND c.kind = k.kind AND c.valid_from <= $2::date
          ORDER BY c.valid_from DESC, c.created_at DESC LIMIT 1
       ) latest ON true
      WHERE latest.status IS DISTINCT FROM 'cleared' OR latest.expires_on < $2::date
      ORDER BY k.kind LIMIT 1`,
    [mentorId, date, CLEARANCE_KINDS],
  );
  if (!gap) return null;
  const clearanceStatus = gap.status === null ? 'missing' : gap.status === 'cleared' ? 'expired' : gap.status;
  return { kind: gap.kind, clearanceStatus, clearanceId: gap.id };
}
