import type { EntityManager } from 'typeorm';

/** Read model: the names of the sponsors of the program (every sponsorship it has), by name. */
export async function programSponsorNames(db: EntityManager, programId: string): Promise<string[]> {
  const rows: { name: string }[] = await db.query(
    `SELECT s.name FROM sponsorship sp JOIN sponsor s ON s.id = sp.sponsor_id WHERE sp.program_id = $1 ORDER BY s.name`,
    [programId],
  );
  return rows.map((r) => r.name);
}
