import type { EntityManager } from 'typeorm';

/** Asks for each teen to be enrolled in the program once their guardian consents; a request already there stays. */
export async function addPendingEnrollments(db: EntityManager, programId: string, participantIds: string[], requestedBy: string | null): Promise<void> {
  if (!participantIds.length) return;
  await db.query(
    `INSERT INTO pending_enrollment (program_id, participant_id, requested_by) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT (participant_id, program_id) DO NOTHING`,
    [programId, participantIds, requestedBy],
  );
}

/** The teen's waiting requests, removed: each is now enrolled or dropped by the caller, in its transaction. */
export async function takePendingEnrollments(db: EntityManager, participantId: string): Promise<{ programId: string; requestedBy: string | null }[]> {
  const [rows] = await db.query(
    `DELETE FROM pending_enrollment WHERE participant_id = $1 RETURNING program_id AS "programId", requested_by AS "requestedBy"`,
    [participantId],
  );
  return (rows as { programId: string; requestedBy: string | null }[]).sort((a, b) => a.programId.localeCompare(b.programId));
}
