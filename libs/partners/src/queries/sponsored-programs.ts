import { programTerms } from '@codeshelf/scheduling';
import type { EntityManager } from 'typeorm';

const SPONSORED = `
SELECT DISTINCT s.program_id, p.branch_id FROM sponsorship s JOIN ${programTerms()} p ON p.id = s.program_id
 WHERE s.sponsor_id = $1 AND ($2::date IS NULL OR s.ends_on >= $2) AND ($3::date IS NULL OR s.starts_on <= $3) ORDER BY s.program_id`;

/**
 * Read model: the programs the sponsor sponsors some day of [from, to] (calendar days, inclusive; null for no
 * bound), by id, with each one's branch.
 */
export async function sponsoredPrograms(db: EntityManager, sponsorId: string, from: string | null, to: string | null): Promise<{ program_id: string; branch_id: string }[]> {
  return db.query(SPONSORED, [sponsorId, from, to]);
}
