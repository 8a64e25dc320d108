import type { DataSource } from 'typeorm';

/** What a sponsor is shown of a private applicant (ApplicantDto without `shared`). */
export interface ShownApplicant {
  eligibility: { eligible: boolean; minAge: boolean | null; minAttendanceRate: boolean | null } | null;
  ageBand: string | null;
  attendanceBand: string | null;
  programs: { title: string }[];
}

const AGE_BANDS: Record<string, [number, number]> = { 'under 13': [0, 12], '13-14': [13, 14], '15-16': [15, 16], '17-18': [17, 18], '19 and over': [19, 200] };
/** [from, below) of a held rate; 'no sessions yet' is a rate of null. */
const ATTENDANCE_BANDS: Record<string, [number, number] | null> = { 'no sessions yet': null, 'under 50%': [0, 0.5], '50-74%': [0.5, 0.75], '75% and over': [0.75, 2] };

function yearsSince(birthDate: string, today = new Date().toISOString().slice(0, 10)): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = today.split('-').map(Number);
  return y - by - (m > bm || (m === bm && d >= bd) ? 0 : 1);
}

/**
 * How many teens of the whole database (participants not erased, the applicant among them) fit everything
 * a sponsor was shown of a private applicant to a posting: the posting's rules met or not, the bands, a seat
 * in each program named (by title, among the sponsor's sponsored programs). Worked out here from the tables,
 * apart from the application's own query, so that a test can hold the answer to "nothing unique to one teen".
 */
export async function teensSharing(db: DataSource, internshipId: string, shown: ShownApplicant): Promise<number> {
  const [posting] = await db.query(`SELECT sponsor_id, min_age, min_attendance_rate FROM internship WHERE id = $1`, [internshipId]);
  const programIds: string[] = (
    await db.query(`SELECT DISTINCT p.id FROM program p JOIN sponsorship s ON s.program_id = p.id WHERE s.sponsor_id = $1 AND p.title = ANY($2::text[])`, [
      posting.sponsor_id,
      shown.programs.map((p) => p.title),
    ])
  ).map((r: { id: string }) => r.id);
  if (programIds.length < new Set(shown.programs.map((p) => p.title)).size) return 0; // a title the sponsor does not sponsor: no cover at all
  const teens: { birth_date: string; held: number; attended: number; programs: string[] }[] = await db.query(
    `SELECT p.birth_date::text AS birth_date,
            (SELECT count(*) FROM enrollment e JOIN session s ON s.program_id = e.program_id
              WHERE e.participant_id = p.id AND e.status IN ('enrolled', 'completed') AND s.status = 'scheduled' AND s.starts_at <= now() AND s.ends_at > e.enrolled_at)::int AS held,
            (SELECT count(*) FROM enrollment e JOIN session s ON s.program_id = e.program_id JOIN attendance a ON a.session_id = s.id AND a.participant_id = p.id
              WHERE e.participant_id = p.id AND e.status IN ('enrolled', 'completed') AND s.status = 'scheduled' AND s.starts_at <= now() AND s.ends_at > e.enrolled_at
                AND a.status IN ('present', 'late'))::int AS attended,
            ARRAY(SELECT e.program_id::text FROM enrollment e WHERE e.participant_id = p.id AND e.status IN ('enrolled', 'completed')) AS programs
       FROM participant p WHERE p.erased_at IS NULL`,
  );
  const minAge = posting.min_age === null ? null : Number(posting.min_age);
  const minRate = posting.min_attendance_rate === null ? null : Number(posting.min_attendance_rate);
  return teens.filter((t) => {
    const age = yearsSince(t.birth_date);
    const rate = t.held ? Math.round((t.attended / t.held) * 10_000) / 10_000 : null;
    if (shown.eligibility?.minAge != null && shown.eligibility.minAge !== (age >= minAge!)) return false;
    if (shown.eligibility?.minAttendanceRate != null && shown.eligibility.minAttendanceRate !== (rate !== null && rate >= minRate!)) return false;
    if (shown.ageBand !== null) {
      const [from, to] = AGE_BANDS[shown.ageBand];
      if (age < from || age > to) return false;
    }
    if (shown.attendanceBand !== null) {
      const band = ATTENDANCE_BANDS[shown.attendanceBand];
      if (band === null ? rate !== null : rate === null || rate < band[0] || rate >= band[1]) return false;
    }
    return programIds.every((id) => t.programs.includes(id));
  }).length;
}
