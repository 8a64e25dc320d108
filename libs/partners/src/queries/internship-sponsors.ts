import type { EntityManager } from 'typeorm';

/** An internship's title, with the sponsor offering it: its name and contact address. */
export interface InternshipSponsor {
  title: string;
  sponsorName: string;
  sponsorEmail: string | null;
}

/** Read model: an internship and its sponsor (see InternshipSponsor), or undefined if it is gone. */
export async function internshipSponsor(db: EntityManager, internshipId: string): Promise<InternshipSponsor | undefined> {
  const [row] = await db.query(
    `SELECT i.title, s.name AS "sponsorName", s.contact_email AS "sponsorEmail" FROM internship i JOIN sponsor s ON s.id = i.sponsor_id WHERE i.id = $1`,
    [internshipId],
  );
  return row;
}
