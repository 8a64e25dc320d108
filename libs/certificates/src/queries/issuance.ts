import { attendedSessions } from '@codeshelf/attendance';
import type { EntityManager } from 'typeorm';

/** A certificate row as INSERT … RETURNING gives it, in the entity's property names. */
export interface IssuedRow {
  id: string;
  programId: string;
  participantId: string;
  code: string;
  hoursAttended: string;
  issuedAt: Date;
  issuedBy: string | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  revokedBy: string | null;
  erasedAt: Date | null;
}

/** Hours each of these teens attended (present or late) in the program's held sessions, to two places; a teen who came to none has no entry. */
export async function attendedHours(db: EntityManager, programId: string, participantIds: string[]): Promise<Map<string, number>> {
  const rows: { participant_id: string; hours: string }[] = await db.query(
    `SELECT a.participant_id, round(sum(a.seconds) / 3600, 2) AS hours FROM ${attendedSessions()} a
      WHERE a.program_id = $1 AND a.participant_id = ANY($2::uuid[]) GROUP BY a.participant_id`,
    [programId, participantIds],
  );
  return new Map(rows.map((r) => [r.participant_id, Number(r.hours)]));
}

const ISSUE = `
INSERT INTO certificate (program_id, participant_id, code, hours_attended, issued_by)
SELECT $1, t.participant_id, t.code, t.hours, $5 FROM unnest($2::uuid[], $3::text[], $4::numeric[]) AS t(participant_id, code, hours)
-- A teen who has one (revoked included) keeps it: issuing again, or twice at once, issues nothing more.
ON CONFLICT (program_id, participant_id) DO NOTHING
RETURNING id, program_id AS "programId", participant_id AS "participantId", code, hours_attended AS "hoursAttended", issued_at AS "issuedAt",
          issued_by AS "issuedBy", revoked_at AS "revokedAt", revoked_reason AS "revokedReason", revoked_by AS "revokedBy", erased_at AS "erasedAt"`;

/** Issues a certificate to each teen given who has none in the program yet, in one statement; answers those issued. */
export function issueCertificates(
  db: EntityManager,
  programId: string,
  teens: { participantId: string; code: string; hoursAttended: number }[],
  issuedBy: string | null,
): Promise<IssuedRow[]> {
  return db.query(ISSUE, [programId, teens.map((t) => t.participantId), teens.map((t) => t.code), teens.map((t) => t.hoursAttended), issuedBy]);
}
