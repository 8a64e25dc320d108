import { type AuditActor, AuditService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { ParticipantsService } from '@codeshelf/people';
import { MentorsService, ProgramNotFoundError, ProgramsService, SchedulingPolicy } from '@codeshelf/scheduling';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AttendancePolicy } from './attendance.policy';
import {
  ABSENCE_STREAK_FLAG,
  type AttendanceMarkDto,
  FlaggedQuery,
  type FlaggedTeenDto,
  HoursQuery,
  MentorHoursDto,
  ParticipantAttendanceDto,
  ProgramAttendanceDto,
  type CompletionStatus,
  type SessionCountsDto,
  type TeenRatesDto,
} from './dto/rates.dto';

interface TeenRow {
  program_id: string;
  participant_id: string;
  enrolled_at: Date;
  held: number;
  present: number;
  late: number;
  absent: number;
  excused: number;
  unrecorded: number;
  streak: number;
  ended: boolean;
  completion_threshold: string;
  title: string;
  branch_id: string;
}

/**
 * Rule 7 in one SQL aggregate: for each seat (enrolled or completed), the sessions of its program held
 * (started, not cancelled) since the teen got the seat, and how they were marked; unrecorded counts as not
 * attended. Absences in a row are those since the last present/late, excused ones skipped.
 */
const TEEN_RATES = `
WITH teens AS (
  SELECT e.program_id, e.participant_id, e.enrolled_at FROM enrollment e
   WHERE e.status IN ('enrolled', 'completed') AND ($1::uuid IS NULL OR e.program_id = $1) AND ($2::uuid[] IS NULL OR e.participant_id = ANY($2::uuid[]))
     AND ($3::uuid[] IS NULL OR e.program_id IN (SELECT p.id FROM program p JOIN branch b ON b.id = p.branch_id
           WHERE p.branch_id = ANY($3::uuid[]) AND p.status = 'published' AND p.ends_on >= (now() AT TIME ZONE b.timezone)::date))
), marks AS (
  SELECT t.program_id, t.participant_id, s.id AS session_id, s.starts_at, s.ends_at, a.status
    FROM teens t
    JOIN session s ON s.program_id = t.program_id AND s.status = 'scheduled' AND s.starts_at <= now() AND s.ends_at > t.enrolled_at
    LEFT JOIN attendance a ON a.session_id = s.id AND a.participant_id = t.participant_id
), last_came AS (
  SELECT program_id, participant_id, max(starts_at) AS at FROM marks WHERE status IN ('present', 'late') GROUP BY program_id, participant_id
)
SELECT t.program_id, t.participant_id, t.enrolled_at,
       count(m.session_id)::int AS held,
       count(*) FILTER (WHERE m.status = 'present')::int AS present,
       count(*) FILTER (WHERE m.status = 'late')::int AS late,
       count(*) FILTER (WHERE m.status = 'absent')::int AS absent,
       count(*) FILTER (WHERE m.status = 'excused')::int AS excused,
       count(*) FILTER (WHERE m.session_id IS NOT NULL AND m.status IS NULL)::int AS unrecorded,
       -- A session still going on, not yet recorded, is no absence in a row yet: the roll may still be taken.
       count(*) FILTER (WHERE m.session_id IS NOT NULL AND (m.status = 'absent' OR (m.status IS NULL AND m.ends_at <= now())) AND m.starts_at > COALESCE(l.at, '-infinity'))::int AS streak,
       p.ends_on < (now() AT TIME ZONE b.timezone)::date AS ended, p.completion_threshold, p.title, p.branch_id
  FROM teens t
  JOIN program p ON p.id = t.program_id JOIN branch b ON b.id = p.branch_id
  LEFT JOIN marks m ON m.program_id = t.program_id AND m.participant_id = t.participant_id
  LEFT JOIN last_came l ON l.program_id = t.program_id AND l.participant_id = t.participant_id
 GROUP BY t.program_id, t.participant_id, t.enrolled_at, p.id, b.id
 ORDER BY p.starts_on, t.enrolled_at`;

/**
 * Rule 8's standing of every teen at once, as rows `(participant_id, rate)`: attended (present or late) / held
 * over every seat (enrolled or completed), sessions held since the seat was taken, rounded to four places as
 * `RatesService.standing` rounds it; a teen before any held session has no row. For queries that compare many
 * teens' standing without fetching it, such as how many teens share an applicant's attendance band.
 */
export const standingRatesSql = `
  SELECT e.participant_id, round((count(*) FILTER (WHERE a.status IN ('present', 'late')))::numeric / NULLIF(count(*), 0), 4) AS rate
    FROM enrollment e
    JOIN session s ON s.program_id = e.program_id AND s.status = 'scheduled' AND s.starts_at <= now() AND s.ends_at > e.enrolled_at
    LEFT JOIN attendance a ON a.session_id = s.id AND a.participant_id = e.participant_id
   WHERE e.status IN ('enrolled', 'completed') GROUP BY e.participant_id`;

/** A teen's standing over all their seats (rule 8). */
export interface AttendanceStanding {
  attendanceRate: number | null;
  programs: { programId: string; title: string }[];
}

/** The numbers of one seat, with rate and completion exactly as rule 7 has them. */
export function ratesOf(row: Omit<TeenRow, 'title' | 'branch_id' | 'program_id'>): TeenRatesDto {
  const attended = row.present + row.late;
  const rate = row.held ? Math.round((attended / row.held) * 10_000) / 10_000 : null;
  const completed = row.held > 0 && attended / row.held >= Number(row.completion_threshold);
  const completion: CompletionStatus = !row.ended ? 'in_progress' : completed ? 'completed' : 'not_completed';
  return {
    participantId: row.participant_id,
    enrolledAt: row.enrolled_at,
    sessionsHeld: row.held,
    present: row.present,
    late: row.late,
    absent: row.absent,
    excused: row.excused,
    unrecorded: row.unrecorded,
    rate,
    consecutiveAbsences: row.streak,
    flagged: row.streak >= ABSENCE_STREAK_FLAG,
    completion,
  };
}

@Injectable()
export class RatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: AttendancePolicy,
    private readonly scheduling: SchedulingPolicy,
    private readonly programs: ProgramsService,
    private readonly participants: ParticipantsService,
    private readonly mentors: MentorsService,
  ) {}

  /** A program's attendance for its staff: every seated teen (named, audited) and every session's counts. */
  async program(principal: Principal, programId: string, actor: AuditActor): Promise<ProgramAttendanceDto> {
    const [program] = await this.programs.findByIds([programId]);
    if (!program) throw new ProgramNotFoundError(programId);
    this.scheduling.assertCanChangeProgram(principal, program);
    const rows: TeenRow[] = await this.dataSource.query(TEEN_RATES, [programId, null, null]);
    const sessions: (Omit<SessionCountsDto, 'sessionId' | 'startsAt'> & { session_id: string; starts_at: Date })[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.starts_at, s.status, (s.status = 'scheduled' AND s.starts_at <= now()) AS held,
              (SELECT count(*) FROM enrollment e WHERE e.program_id = s.program_id AND e.status IN ('enrolled', 'completed') AND e.enrolled_at < s.ends_at)::int AS expected,
              count(a.*) FILTER (WHERE a.status = 'present')::int AS present, count(a.*) FILTER (WHERE a.status = 'late')::int AS late,
              count(a.*) FILTER (WHERE a.status = 'absent')::int AS absent, count(a.*) FILTER (WHERE a.status = 'excused')::int AS excused
         FROM session s LEFT JOIN attendance a ON a.session_id = s.id
        WHERE s.program_id = $1 GROUP BY s.id ORDER BY s.starts_at, s.id`,
      [programId],
    );
    const marks: AttendanceMarkDto[] = await this.dataSource.query(
      `SELECT a.participant_id AS "participantId", a.session_id AS "sessionId", a.status
         FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.program_id = $1 ORDER BY s.starts_at, a.participant_id`,
      [programId],
    );
    const people = new Map((await this.participants.namesOf(rows.map((r) => r.participant_id))).map((p) => [p.id, p]));
    if (rows.length) {
      await this.audit.record({ actor, action: 'participant.viewed', entity: 'participant', changes: { via: 'attendance:program', programId, ids: [...people.keys()] } });
    }
    return {
      programId,
      completionThreshold: program.completionThreshold,
      ended: rows[0]?.ended ?? false,
      teens: rows.map((r) => ({ ...ratesOf(r), firstName: people.get(r.participant_id)?.firstName ?? 'Erased', lastName: people.get(r.participant_id)?.lastName ?? '' })),
      sessions: sessions.map(({ session_id, starts_at, ...s }) => ({
        sessionId: session_id,
        startsAt: starts_at,
        ...s,
        unrecorded: s.held ? Math.max(0, s.expected - s.present - s.late - s.absent - s.excused) : 0,
      })),
      marks,
    };
  }

  /** Every seat of the program with its rule-7 numbers and completion, through `db` (a caller's transaction). No access check: callers decide. */
  async seats(db: EntityManager, programId: string): Promise<TeenRatesDto[]> {
    const rows: TeenRow[] = await db.query(TEEN_RATES, [programId, null, null]);
    return rows.map(ratesOf);
  }

  /**
   * The teens flagged (ABSENCE_STREAK_FLAG absences in a row) in the running published programs of the
   * branches the caller runs, or of one of them: one aggregate over all those programs (named, audited).
   */
  async flagged(principal: Principal, query: FlaggedQuery, actor: AuditActor): Promise<FlaggedTeenDto[]> {
    if (query.branchId) this.scheduling.assertCanChangeBranch(principal, query.branchId);
    const branchIds = query.branchId ? [query.branchId] : principal.role === 'admin' ? await this.allBranchIds() : principal.branchIds;
    const rows: TeenRow[] = branchIds.length ? await this.dataSource.query(TEEN_RATES, [null, null, branchIds]) : [];
    const flagged = rows.filter((r) => r.streak >= ABSENCE_STREAK_FLAG);
    const people = new Map((await this.participants.namesOf(flagged.map((r) => r.participant_id))).map((p) => [p.id, p]));
    if (flagged.length) {
      await this.audit.record({ actor, action: 'participant.viewed', entity: 'participant', changes: { via: 'attendance:flagged', ids: [...people.keys()] } });
    }
    return flagged.map((r) => ({
      ...ratesOf(r),
      programId: r.program_id,
      programTitle: r.title,
      branchId: r.branch_id,
      firstName: people.get(r.participant_id)?.firstName ?? 'Erased',
      lastName: people.get(r.participant_id)?.lastName ?? '',
    }));
  }

  private async allBranchIds(): Promise<string[]> {
    return (await this.dataSource.query<{ id: string }[]>('SELECT id FROM branch')).map((b) => b.id);
  }

  /** One teen's attendance in each program they hold a seat in: for the teen, admins, and the coordinators of the teen's branches (people's rule). */
  async participant(principal: Principal, participantId: string, actor: AuditActor): Promise<ParticipantAttendanceDto> {
    const teen = await this.participants.reachable(principal, participantId, { self: true });
    const self = principal.kind === 'user' && teen.userId === principal.id;
    const rows: TeenRow[] = await this.dataSource.query(TEEN_RATES, [null, [participantId], null]);
    // Staff see the programs of their own branches only.
    const visible = self ? rows : rows.filter((r) => this.policy.isStaff(principal, r.branch_id));
    if (!self) await this.audit.record({ actor, action: 'participant.viewed', entity: 'participant', entityId: participantId, changes: { via: 'attendance' } });
    return { participantId, programs: visible.map((r) => ({ ...ratesOf(r), programId: r.program_id, programTitle: r.title })) };
  }

  /**
   * A teen's standing over all their seats, for internships (rule 8): attended / held across every program,
   * or null before any session was held; and the programs with their titles. No access check: callers decide.
   */
  async standing(participantId: string): Promise<AttendanceStanding> {
    return (await this.standings([participantId])).get(participantId)!;
  }

  /** `standing` of each of these teens, in one query (a teen with no seat: no rate, no programs). */
  async standings(participantIds: string[]): Promise<Map<string, AttendanceStanding>> {
    const rows: TeenRow[] = participantIds.length ? await this.dataSource.query(TEEN_RATES, [null, participantIds, null]) : [];
    const standings = new Map(participantIds.map((id) => [id, { held: 0, attended: 0, programs: [] as AttendanceStanding['programs'] }]));
    for (const r of rows) {
      const s = standings.get(r.participant_id)!;
      s.held += r.held;
      s.attended += r.present + r.late;
      s.programs.push({ programId: r.program_id, title: r.title });
    }
    return new Map(
      [...standings].map(([id, { held, attended, programs }]) => [id, { attendanceRate: held ? Math.round((attended / held) * 10_000) / 10_000 : null, programs }]),
    );
  }

  /** Volunteer hours: the sessions (not cancelled) the mentor was recorded present at, in the period. */
  async mentorHours(principal: Principal, mentorId: string, query: HoursQuery): Promise<MentorHoursDto> {
    const mentor = await this.mentors.get(principal, mentorId);
    const rows: { program_id: string; title: string; sessions: number; seconds: number }[] = await this.dataSource.query(
      `SELECT p.id AS program_id, p.title, count(*)::int AS sessions, sum(EXTRACT(EPOCH FROM s.ends_at - s.starts_at))::float8 AS seconds
         FROM mentor_attendance ma JOIN session s ON s.id = ma.session_id JOIN program p ON p.id = s.program_id
        WHERE ma.mentor_id = $1 AND ma.status = 'present' AND s.status = 'scheduled'
          AND ($2::timestamptz IS NULL OR s.starts_at >= $2) AND ($3::timestamptz IS NULL OR s.starts_at < $3)
        GROUP BY p.id ORDER BY p.starts_on, p.id`,
      [mentorId, query.from ?? null, query.to ?? null],
    );
    const hours = (seconds: number) => Math.round((seconds / 3600) * 100) / 100;
    return {
      mentorId,
      employerSponsorId: mentor.employerSponsorId,
      sessions: rows.reduce((n, r) => n + r.sessions, 0),
      hours: hours(rows.reduce((n, r) => n + r.seconds, 0)),
      byProgram: rows.map((r) => ({ programId: r.program_id, title: r.title, sessions: r.sessions, hours: hours(r.seconds) })),
    };
  }
}
