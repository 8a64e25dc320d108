/**
 * Read model: the certificates of completion that stand (not revoked by staff; an erased teen's still counts, so
 * erasure leaves the reports' figures as they were, rule 10), as a relation another feature's statement can join.
 * Columns: id, program_id, participant_id, issued_at.
 */
export function issuedCertificates(): string {
  return `(SELECT c.id, c.program_id, c.participant_id, c.issued_at FROM certificate c WHERE c.revoked_at IS NULL)`;
}
