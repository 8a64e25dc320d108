type Query = (sql: string, parameters: unknown[]) => Promise<any[]>;

/**
 * What a program's enrollments look like when every enrollment was written whole: the counters equal the
 * rows (`enrolled_count` counts the seats held and the seats under offer), waitlist places run 1..n, an offer
 * and only an offer has a deadline, and each enrollment has exactly one outbox message and one audit event
 * (the ENROLL statement writes all four together). Answers the enrollment ids with each check's finding.
 */
export async function enrollmentConsistency(query: Query, programId: string) {
  const [program] = await query(`SELECT enrolled_count, waitlisted_count FROM program WHERE id = $1`, [programId]);
  const rows: { id: string; participant_id: string; status: string; waitlist_position: number | null; offer_expires_at: Date | null; messages: number; audits: number }[] = await query(
    `SELECT e.id, e.participant_id, e.status, e.waitlist_position, e.offer_expires_at,
            (SELECT count(*)::int FROM outbox_message m WHERE m.payload->>'enrollmentId' = e.id::text AND m.topic IN ('enrollment.enrolled', 'enrollment.waitlisted')) AS messages,
            (SELECT count(*)::int FROM audit_event a WHERE a.entity_id = e.id AND a.action = 'enrollment.created') AS audits
       FROM enrollment e WHERE e.program_id = $1`,
    [programId],
  );
  const positions = rows
    .filter((r) => r.status === 'waitlisted')
    .map((r) => r.waitlist_position!)
    .sort((a, b) => a - b);
  return {
    ids: new Set(rows.map((r) => r.id)),
    participants: rows.map((r) => r.participant_id),
    counters: { enrolled: program.enrolled_count as number, waitlisted: program.waitlisted_count as number },
    rows: { enrolled: rows.filter((r) => r.status === 'enrolled' || r.status === 'offered').length, waitlisted: positions.length },
    offered: rows.filter((r) => r.status === 'offered').length,
    deadlineOutOfPlace: rows.filter((r) => (r.status === 'offered') !== (r.offer_expires_at !== null)).map((r) => r.id),
    positionsAreOneToN: positions.every((p, i) => p === i + 1),
    withoutTheirMessageOrAudit: rows.filter((r) => r.messages !== 1 || r.audits !== 1).map((r) => r.id),
  };
}

/** Asserts the consistency above (jest's expect). */
export async function expectEnrollmentsWhole(query: Query, programId: string) {
  const state = await enrollmentConsistency(query, programId);
  expect(state.counters).toEqual(state.rows);
  expect(state.positionsAreOneToN).toBe(true);
  expect(state.deadlineOutOfPlace).toEqual([]);
  expect(state.withoutTheirMessageOrAudit).toEqual([]);
  expect(new Set(state.participants).size).toBe(state.participants.length);
  return state;
}
