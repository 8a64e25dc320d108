import type { EntityManager } from 'typeorm';

/** The signing secret this database keeps: `candidate` becomes it unless one is kept already; every caller reads back the one that won. */
export async function keptSigningSecret(db: EntityManager, candidate: string): Promise<string> {
  await db.query(`INSERT INTO jwt_signing_secret (secret) VALUES ($1) ON CONFLICT DO NOTHING`, [candidate]);
  const [{ secret }] = (await db.query(`SELECT secret FROM jwt_signing_secret`)) as { secret: string }[];
  return secret;
}
