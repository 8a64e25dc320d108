import type { EntityManager } from 'typeorm';

/** Blanks the statements the teen wrote in their applications (rule 10); the applications stay, they are counted. */
export async function eraseApplicationStatements(db: EntityManager, participantId: string): Promise<void> {
  await db.query(`UPDATE application SET statement = '' WHERE participant_id = $1`, [participantId]);
}
