import type { EntityManager } from 'typeorm';

/** Where a sponsor's internship postings and their applications stand. */
export interface InternshipOutcomes {
  postings: number;
  applications: number;
  offers: number;
  placements: number;
  completed: number;
  hired: number;
}

/** The sponsor's postings open at some time in [$2, $3), and where their applications stand now. */
const OUTCOMES = `
SELECT (SELECT count(*)::int FROM internship WHERE sponsor_id = $1 AND opens_at < $3 AND closes_at >= $2) AS postings,
       count(ap.*)::int AS applications,
       count(*) FILTER (WHERE ap.status IN ('offered', 'accepted', 'declined', 'completed'))::int AS offers,
       count(*) FILTER (WHERE ap.status IN ('accepted', 'completed'))::int AS placements,
       count(*) FILTER (WHERE ap.status = 'completed')::int AS completed,
       count(*) FILTER (WHERE ap.hired)::int AS hired
  FROM application ap JOIN internship i ON i.id = ap.internship_id
 WHERE i.sponsor_id = $1 AND i.opens_at < $3 AND i.closes_at >= $2`;

/**
 * Read model: the sponsor's internships open at some time in [from, to) (timestamps PostgreSQL reads, or
 * '-infinity' / 'infinity'): how many were posted, and their applications, offers, placements, completions and hires.
 */
export async function internshipOutcomes(db: EntityManager, sponsorId: string, from: string, to: string): Promise<InternshipOutcomes> {
  return (await db.query(OUTCOMES, [sponsorId, from, to]))[0];
}
