import { AuditActor, AuditService, Page, PageQueryDto, paginate, TransactionService, ValidationFailedError } from '@codeshelf/core';
import { type Principal, UserNotFoundError, UsersService } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, QueryFailedError, Repository } from 'typeorm';
import { MentorNotFoundError } from '../scheduling.errors';
import { CreateClearanceDto, CreateMentorDto, MentorDto } from './dto/mentor.dto';
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
      return MentorDto.from(mentor, []);
    });
  }

  async list(query: PageQueryDto): Promise<Page<MentorDto>> {
    const page = await paginate(this.mentors.createQueryBuilder('m'), query, 'createdAt');
    const ids = page.items.map((m) => m.id);
    const clearances = ids.length ? await this.clearances.find({ where: { mentorId: In(ids) }, order: { validFrom: 'ASC' } }) : [];
    return { items: page.items.map((m) => MentorDto.from(m, clearances.filter((c) => c.mentorId === m.id))), nextCursor: page.nextCursor };
  }

  /** Staff read every mentor; a mentor only themself (another mentor is a 404). */
  async get(principal: Principal, id: string): Promise<MentorDto> {
    const mentor = await this.mentors.findOneBy({ id });
    if (!mentor || (principal.role === 'mentor' && mentor.userId !== principal.id)) throw new MentorNotFoundError(id);
    return MentorDto.from(mentor, await this.clearances.find({ where: { mentorId: id }, order: { validFrom: 'ASC' } }));
  }

  /** The signed-in mentor's own record. */
  async getOwn(principal: Principal): Promise<MentorDto> {
    const mentor = await this.mentors.findOneBy({ userId: principal.id });
    if (!mentor) throw new MentorNotFoundError('of this account');
    return MentorDto.from(mentor, await this.clearances.find({ where: { mentorId: mentor.id }, order: { validFrom: 'ASC' } }));
  }

  /**
   * The one rule of what a mentor may read of teens (a program's roster, a session's roll call): the user's
   * mentor id if they are on the session — or, given a program, on any session of it — that is scheduled
   * (not cancelled) and has not ended more than MENTOR_ACCESS_DAYS_AFTER_SESSION days ago; else null.
   */
  async currentMentor(userId: string, of: { sessionId: string } | { programId: string }): Promise<string | null> {
    // One statement per scope (no OR), so each is an index lookup: the session's key, or the program's sessions.
    const [scope, id] = 'sessionId' in of ? ['sm.session_id', of.sessionId] : ['s.program_id', of.programId];
    const [row] = await this.mentors.query(
      `SELECT m.id FROM session_mentor sm JOIN mentor m ON m.id = sm.mentor_id JOIN session s ON s.id = sm.session_id
        WHERE m.user_id = $1 AND ${scope} = $2 AND s.status = 'scheduled' AND s.ends_at > now() - make_interval(days => $3)
        LIMIT 1`,
      [userId, id, MENTOR_ACCESS_DAYS_AFTER_SESSION],
    );
    return row?.id ?? null;
  }

  async addClearance(mentorId: string, dto: CreateClearanceDto, actor: AuditActor): Promise<MentorDto> {
    if (dto.expiresOn < dto.validFrom) throw new ValidationFailedError([{ field: 'expiresOn', code: 'dateOrder', message: 'expiresOn must be on or after validFrom' }]);
    return this.transactions.run(async (manager) => {
      const mentor = await manager.getRepository(MentorEntity).findOneBy({ id: mentorId });
      if (!mentor) throw new MentorNotFoundError(mentorId);
      const clearance = manager.getRepository(MentorClearanceEntity).create({ mentorId, ...dto, verifiedBy: actor.id });
      await manager.getRepository(MentorClearanceEntity).insert(clearance);
      await this.audit.record({ actor, action: 'mentor.clearance_recorded', entity: 'mentor', entityId: mentorId, changes: { ...dto } }, manager);
      const all = await manager.getRepository(MentorClearanceEntity).find({ where: { mentorId }, order: { validFrom: 'ASC' } });
      return MentorDto.from(mentor, all);
    });
  }
}
