import type { EntityManager } from 'typeorm';

/** Blanks the notes staff wrote on the teen's attendance (rule 10); the rows stay, they are counted. */
export async function eraseAttendanceNotes(db: EntityManager, participantId: string): Promise<void> {
  await db.query(`UPDATE attendance SET note = NULL WHERE participant_id = $1 AND note IS NOT NULL`, [participantId]);
}
