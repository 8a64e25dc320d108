import { type AuditActor, AuditService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { ParticipantsService } from '@codeshelf/people';
import { branchIds, MentorsService, ProgramNotFoundError, ProgramsService, SchedulingPolicy } from '@codeshelf/scheduling';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AttendancePolicy } from './attendance.policy';
import {
  ABSENCE_STREAK_FLAG,
  FlaggedQuery,
  type FlaggedTeenDto,
  HoursQuery,
  MentorHoursDto,
  ParticipantAttendanceDto,
  ProgramAttendanceDto,
  type CompletionStatus,
  type TeenRatesDto,
} from './dto/rates.dto';
import { mentorHoursByProgram } from './queries/mentor-hours';
import { programMarks, programSessionCounts } from './queries/program-attendance';
import { teenRates, type TeenRow } from './queries/teen-rates';

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
    const rows = await teenRates(this.dataSource.manager, { programId });
    const sessions = await programSessionCounts(this.dataSource.manager, programId);
    const marks = await programMarks(this.dataSource.manager, programId);
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
    return (await teenRates(db, { programId })).map(ratesOf);
  }

  /**
   * The teens flagged (ABSENCE_STREAK_FLAG absences in a row) in the running published programs of the
   * branches the caller runs, or of one of them: one aggregate over all those programs (named, audited).
   */
  async flagged(principal: Principal, query: FlaggedQuery, actor: AuditActor): Promise<FlaggedTeenDto[]> {
    if (query.branchId) this.scheduling.assertCanChangeBranch(principal, query.branchId);
    const branches = query.branchId ? [query.branchId] : principal.role === 'admin' ? await branchIds(this.dataSource.manager) : principal.branchIds;
    const rows = branches.length ? await teenRates(this.dataSource.manager, { branchIds: branches }) : [];
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

  /** One teen's attendance in each program they hold a seat in: for the teen, admins, and the coordinators of the teen's branches (people's rule). */
  async participant(principal: Principal, participantId: string, actor: AuditActor): Promise<ParticipantAttendanceDto> {
    const teen = await this.participants.reachable(principal, participantId, { self: true });
    const self = principal.kind === 'user' && teen.userId === principal.id;
    const rows = await teenRates(this.dataSource.manager, { participantIds: [participantId] });
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
    const rows = participantIds.length ? await teenRates(this.dataSource.manager, { participantIds }) : [];
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
    const rows = await mentorHoursByProgram(this.dataSource.manager, mentorId, query.from ?? null, query.to ?? null);
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
