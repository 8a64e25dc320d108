import { AuditActor, AuditService, Page, paginate, TransactionService, ValidationFailedError } from '@codeshelf/core';
import { type Principal, UserNotFoundError, UsersService } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, QueryFailedError, Repository } from 'typeorm';
import { mentorOnRecentSession, upcomingMentorSessions, whereClearanceExpiresBy } from '../queries/mentors';
import { MentorNotFoundError, SessionNotFoundError } from '../scheduling.errors';
import { SessionEntity } from '../sessions/session.entity';
import { AssignedMentorDto, CreateClearanceDto, CreateMentorDto, ListMentorsQuery, MentorDto, type MentorSessionDto, UPCOMING_SESSIONS } from './dto/mentor.dto';
import { SessionMentorEntity } from './session-mentor.entity';
import { MentorClearanceEntity } from './mentor-clearance.entity';
import { MentorEntity } from './mentor.entity';

/**
 * How long after a session its mentors keep reading its roll call and their program's roster: long enough
 * to correct a roll call, not so long that a one-off volunteer reads the teens' names all term.
 */
export const MENTOR_ACCESS_DAYS_AFTER_SESSION = 14;

@Injectable()
export class MentorsService {
  constructor(
    @InjectRepository(MentorEntity) private readonly mentors: Repository<MentorEntity>,
    @InjectRepository(MentorClearanceEntity) private readonly clearances: Repository<MentorClearanceEntity>,
    private readonly users: UsersService,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  /** The mentor record of a user who has the mentor role (422 naming userId otherwise; 409 if it exists). */
  async create(dto: CreateMentorDto, actor: AuditActor): Promise<MentorDto> {
    const user = await this.users.get(dto.userId).catch((error: unknown) => {
      throw error instanceof UserNotFoundError ? new ValidationFailedError([{ field: 'userId', code: 'exists', message: 'no such user' }]) : error;
    });
    if (user.role !== 'mentor') throw new ValidationFailedError([{ field: 'userId', code: 'isMentorUser', message: 'userId must be a user with the mentor role' }]);
    return this.transactions.run(async (manager) => {
      const mentor = manager.getRepository(MentorEntity).create({ userId: dto.userId, employerSponsorId: dto.employerSponsorId ?? null, skills: dto.skills ?? [], bio: dto.bio ?? '' });
      await manager
        .getRepository(MentorEntity)
        .insert(mentor)
        .catch((error: unknown) => {
          if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503') {
            throw new ValidationFailedError([{ field: 'employerSponsorId', code: 'exists', message: 'no such sponsor' }]);
          }
          throw error;
        });
      await this.audit.record({ actor, action: 'mentor.created', entity: 'mentor', entityId: mentor.id, changes: { ...dto } }, manager);
      return MentorDto.from(mentor, user.displayName, [], []);
    });
  }

  async list(principal: Principal, query: ListMentorsQuery): Promise<Page<MentorDto>> {
    const qb = this.mentors.createQueryBuilder('m');
    if (query.clearanceExpiresBy) {
      whereClearanceExpiresBy(qb, query.clearanceExpiresBy);
    }
    const page = await paginate(qb, query, 'createdAt');
    return { items: await this.records(principal, page.items), nextCursor: page.nextCursor };
  }

  /** Staff read every mentor; a mentor only themself (another mentor is a 404). */
  async get(principal: Principal, id: string): Promise<MentorDto> {
    const mentor = await this.mentors.findOneBy({ id });
    if (!mentor || (principal.role === 'mentor' && mentor.userId !== principal.id)) throw new MentorNotFoundError(id);
    return (await this.records(principal, [mentor]))[0];
  }

  /** The signed-in mentor's own record. */
  async getOwn(principal: Principal): Promise<MentorDto> {
    const mentor = await this.mentors.findOneBy({ userId: principal.id });
    if (!mentor) throw new MentorNotFoundError('of this account');
    return (await this.records(principal, [mentor]))[0];
  }

  /** The mentors' records: names, clearances and coming sessions, a few queries for the whole page. */
  private async records(principal: Principal, mentors: MentorEntity[]): Promise<MentorDto[]> {
    const ids = mentors.map((m) => m.id);
    if (!ids.length) return [];
    const [names, clearances, sessions] = await Promise.all([
      this.users.displayNamesOf(mentors.map((m) => m.userId)),
      this.clearances.find({ where: { mentorId: In(ids) }, order: { validFrom: 'ASC', createdAt: 'ASC' } }),
      this.upcoming(principal, ids),
    ]);
    return mentors.map((m) =>
      MentorDto.from(
        m,
        names.get(m.userId) ?? '',
        clearances.filter((c) => c.mentorId === m.id),
        sessions.filter((s) => s.mentorId === m.id).map(({ mentorId: _, ...s }) => s),
      ),
    );
  }

  /** Each mentor's next sessions; a draft program's only to the staff of its branch (its title is not public yet). */
  private upcoming(principal: Principal, mentorIds: string[]): Promise<(MentorSessionDto & { mentorId: string })[]> {
    return upcomingMentorSessions(this.mentors.manager, mentorIds, { all: principal.role === 'admin', branchIds: principal.branchIds }, UPCOMING_SESSIONS);
  }

  /** The mentors on a session, by name, for the staff who may change it. */
  async onSession(sessionId: string): Promise<AssignedMentorDto[]> {
    if (!(await this.mentors.manager.getRepository(SessionEntity).existsBy({ id: sessionId }))) throw new SessionNotFoundError(sessionId);
    const rows = await this.mentors.manager
      .getRepository(SessionMentorEntity)
      .find({ where: { sessionId, active: true }, order: { role: 'DESC', mentorId: 'ASC' } });
    const mentors = rows.length ? await this.mentors.findBy({ id: In(rows.map((r) => r.mentorId)) }) : [];
    const userOf = new Map(mentors.map((m) => [m.id, m.userId]));
    const names = await this.users.displayNamesOf(mentors.map((m) => m.userId));
    return rows.map((r) => ({ sessionId, mentorId: r.mentorId, role: r.role, displayName: names.get(userOf.get(r.mentorId) ?? '') ?? '' }));
  }

  /**
   * The one rule of what a mentor may read of teens (a program's roster, a session's roll call): the user's
   * mentor id if they are on the session — or, given a program, on any session of it — that is scheduled
   * (not cancelled) and has not ended more than MENTOR_ACCESS_DAYS_AFTER_SESSION days ago; else null.
   */
  currentMentor(userId: string, of: { sessionId: string } | { programId: string }): Promise<string | null> {
    return mentorOnRecentSession(this.mentors.manager, userId, of, MENTOR_ACCESS_DAYS_AFTER_SESSION);
  }

  async addClearance(principal: Principal, mentorId: string, dto: CreateClearanceDto, actor: AuditActor): Promise<MentorDto> {
    if (dto.expiresOn < dto.validFrom) throw new ValidationFailedError([{ field: 'expiresOn', code: 'dateOrder', message: 'expiresOn must be on or after validFrom' }]);
    const mentor = await this.transactions.run(async (manager) => {
      const found = await manager.getRepository(MentorEntity).findOneBy({ id: mentorId });
      if (!found) throw new MentorNotFoundError(mentorId);
      const clearance = manager.getRepository(MentorClearanceEntity).create({ mentorId, ...dto, verifiedBy: actor.id });
      await manager.getRepository(MentorClearanceEntity).insert(clearance);
      await this.audit.record({ actor, action: 'mentor.clearance_recorded', entity: 'mentor', entityId: mentorId, changes: { ...dto } }, manager);
      return found;
    });
    // Read back after the commit: the names come from another module's repository, outside this transaction.
    return (await this.records(principal, [mentor]))[0];
  }
}
