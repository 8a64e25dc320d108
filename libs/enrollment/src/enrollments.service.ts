import { type AppEnv, type AuditActor, AuditService, envConfig, IdempotencyService, isUniqueViolation, MAX_PAGE_SIZE, type Page, type PageQueryDto, paginate, requestContext, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { ErasureEvents, ParticipantNotFoundError, ParticipantsService } from '@codeshelf/people';
import { lockProgramSeats, ProgramEvents, ProgramNotFoundError, ProgramsService, SchedulingPolicy, seatingTerms } from '@codeshelf/scheduling';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { EnrollDto } from './dto/enroll.dto';
import { EnrollmentDto } from './dto/enrollment.dto';
import { MyEnrollmentDto } from './dto/my-enrollment.dto';
import { RosterEntryDto, RosterParticipantDto, RosterQuery } from './dto/roster.dto';
import { eligibilityProblem } from './eligibility';
import { ACTIVE_STATUSES, EnrollmentEntity } from './enrollment.entity';
import {
  AlreadyEnrolledError,
  EnrollmentNotFoundError,
  EnrollmentStatusConflictError,
  OfferExpiredError,
  ProgramFullError,
  ProgramNotPublishedError,
  ParticipantRequiredError,
} from './enrollment.errors';
import { EnrollmentPolicy } from './enrollment.policy';
import { SEAT_HOLDER_STATUSES } from './queries/seat-holders';
import { SeatPassing } from './offers/seat-passing';
import { acceptOffer, enrollmentsToRelease, moveToFront, placeEnrollment } from './queries/seats';


@Injectable()
export class EnrollmentsService implements OnModuleInit {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    @InjectRepository(EnrollmentEntity) private readonly enrollments: Repository<EnrollmentEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly seats: SeatPassing,
    private readonly idempotency: IdempotencyService,
    private readonly policy: EnrollmentPolicy,
    private readonly scheduling: SchedulingPolicy,
    private readonly participants: ParticipantsService,
    private readonly programs: ProgramsService,
    private readonly programEvents: ProgramEvents,
    private readonly erasureEvents: ErasureEvents,
  ) {}

  onModuleInit(): void {
    // A raised capacity fills its new seats from the waitlist in the program change's own transaction.
    this.programEvents.onSeatsAdded(async (manager, program, actor) => {
      await this.seats.promote(manager, program.id, await lockProgramSeats(manager, program.id), actor);
    });
    this.erasureEvents.onErasing((manager, participantId, actor) => this.releaseErased(manager, participantId, actor));
  }

  /**
   * Enrolls a teen: a seat if one is free and nobody waits, else the next waitlist place, else 409. The
   * eligibility rules are checked first; capacity and the one-active-enrollment rule by the database.
   */
  async enroll(principal: Principal, programId: string, dto: EnrollDto, actor: AuditActor): Promise<EnrollmentDto> {
    const program = await seatingTerms(this.enrollments.manager, programId);
    if (!program) throw new ProgramNotFoundError(programId);
    this.scheduling.assertCanReadProgram(principal, program);
    const own = principal.role === 'participant' ? await this.participants.findByUser(principal.id) : null;
    this.policy.assertCanEnroll(principal, program, dto.participantId, own);
    const teen = principal.role === 'participant' ? own : await this.applicant(principal, dto.participantId);
    if (!teen) throw new ParticipantNotFoundError('of this account');
    const problem = eligibilityProblem(program, teen, this.env.AGE_OF_MAJORITY);
    if (problem) throw problem;
    const source = principal.role === 'participant' ? 'self' : 'coordinator';
    const request = { programId, participantId: teen.id, source, actor, requestId: requestContext.getStore()?.requestId ?? null } as const;
    // ENROLL runs alone, one statement; with an Idempotency-Key its answer is stored in the same transaction.
    const placed: EnrollmentDto | undefined = await (
      this.idempotency.holdsClaim()
        ? this.transactions.run(async (manager) => {
            const row = await placeEnrollment(manager, request);
            const answer = row && EnrollmentDto.from(row);
            if (answer) await this.idempotency.complete(manager, answer);
            return answer;
          })
        : placeEnrollment(this.enrollments.manager, request).then((row) => row && EnrollmentDto.from(row))
    ).catch(async (error: unknown) => {
      if (!isUniqueViolation(error, 'enrollment_one_active')) throw error;
      throw new AlreadyEnrolledError(await this.enrollments.findOneByOrFail({ programId, participantId: teen.id, status: In([...ACTIVE_STATUSES]) }));
    });
    if (placed) return placed;
    // No place taken: a full program without a waitlist refuses before the unique index could name a repeat.
    const existing = await this.enrollments.findOneBy({ programId, participantId: teen.id, status: In([...ACTIVE_STATUSES]) });
    if (existing) throw new AlreadyEnrolledError(existing);
    const now = await seatingTerms(this.enrollments.manager, programId);
    throw now?.status === 'published' ? new ProgramFullError(programId, now.capacity) : new ProgramNotPublishedError(programId, now?.status ?? 'gone');
  }

  /** The teen staff name: another branch's is the 404 an unknown id gets, before eligibility could tell their age or consent. */
  private applicant(principal: Principal, participantId: string | undefined) {
    if (!participantId) throw new ParticipantRequiredError();
    return this.participants.reachable(principal, participantId);
  }

  /**
   * Withdraws the teen. A freed seat (held or offered) goes to the head of the waitlist in the same
   * transaction; a freed waitlist place closes up the line.
   */
  async withdraw(principal: Principal, id: string, actor: AuditActor): Promise<EnrollmentDto> {
    return this.locked(principal, id, async (manager, enrollment) => {
      if (!ACTIVE_STATUSES.includes(enrollment.status)) throw new EnrollmentStatusConflictError(id, enrollment.status, 'withdrawn');
      return this.seats.release(manager, enrollment, actor, 'enrollment.withdrawn');
    });
  }

  /** The teen (or staff for them) takes the seat offered, before its deadline: enrolled from now. */
  async accept(principal: Principal, id: string, actor: AuditActor): Promise<EnrollmentDto> {
    return this.locked(principal, id, async (manager, enrollment) => {
      if (enrollment.status !== 'offered') throw new EnrollmentStatusConflictError(id, enrollment.status, 'accepted');
      if (!(await acceptOffer(manager, id))) throw new OfferExpiredError(id, enrollment.offerExpiresAt);
      await this.audit.record({ actor, action: 'enrollment.accepted', entity: 'enrollment', entityId: id, changes: { offerExpiresAt: enrollment.offerExpiresAt } }, manager);
      return manager.getRepository(EnrollmentEntity).findOneByOrFail({ id });
    });
  }

  /** The teen (or staff for them) turns the offered seat down, even past its deadline: it goes to the next in line now. */
  async decline(principal: Principal, id: string, actor: AuditActor): Promise<EnrollmentDto> {
    return this.locked(principal, id, async (manager, enrollment) => {
      if (enrollment.status !== 'offered') throw new EnrollmentStatusConflictError(id, enrollment.status, 'declined');
      return this.seats.release(manager, enrollment, actor, 'enrollment.declined');
    });
  }

  /** Runs `change` on the enrollment read again under its program's lock, if the caller may reach it. */
  private async locked(principal: Principal, id: string, change: (manager: EntityManager, enrollment: EnrollmentEntity) => Promise<EnrollmentEntity>): Promise<EnrollmentDto> {
    const found = await this.reachable(principal, id);
    return this.transactions.run(async (manager) => {
      await lockProgramSeats(manager, found.programId);
      return EnrollmentDto.from(await change(manager, await manager.getRepository(EnrollmentEntity).findOneByOrFail({ id })));
    });
  }

  /**
   * An erased teen gives up, in the erasure's transaction, every waitlist place and the seats of programs
   * not yet ended (on the branch's calendar); a seat of an ended program stays, as the history reports count.
   * Programs are locked in id order, so two erasures never wait on each other.
   */
  private async releaseErased(manager: EntityManager, participantId: string, actor: AuditActor): Promise<void> {
    for (const row of await enrollmentsToRelease(manager, participantId)) {
      await lockProgramSeats(manager, row.program_id);
      // Read again under the lock: a withdrawal that committed meanwhile has already freed it.
      const enrollment = await manager.getRepository(EnrollmentEntity).findOneByOrFail({ id: row.id });
      if (ACTIVE_STATUSES.includes(enrollment.status)) await this.seats.release(manager, enrollment, actor, 'enrollment.withdrawn', 'participant erased');
    }
  }

  /** Staff move a waitlisted teen to the front of the line (audited); the others keep their order. */
  async prioritize(principal: Principal, id: string, reason: string, actor: AuditActor): Promise<EnrollmentDto> {
    const found = await this.reachable(principal, id, 'staff');
    return this.transactions.run(async (manager) => {
      await lockProgramSeats(manager, found.programId);
      const enrollment = await manager.getRepository(EnrollmentEntity).findOneByOrFail({ id });
      if (enrollment.status !== 'waitlisted') throw new EnrollmentStatusConflictError(id, enrollment.status, 'moved to the front of the waitlist');
      const from = enrollment.waitlistPosition!;
      await moveToFront(manager, enrollment.programId, id, from);
      await this.audit.record({ actor, action: 'enrollment.prioritized', entity: 'enrollment', entityId: id, changes: { waitlistPosition: { from, to: 1 }, reason } }, manager);
      return EnrollmentDto.from(await manager.getRepository(EnrollmentEntity).findOneByOrFail({ id }));
    });
  }

  async get(principal: Principal, id: string): Promise<EnrollmentDto> {
    return EnrollmentDto.from(await this.reachable(principal, id));
  }

  /** The enrollment, if the caller may reach it (staff of its branch, or its teen unless `staff` only). */
  private async reachable(principal: Principal, id: string, who: 'staff' | 'staff-or-teen' = 'staff-or-teen'): Promise<EnrollmentEntity> {
    const enrollment = await this.enrollments.findOneBy({ id });
    if (!enrollment) throw new EnrollmentNotFoundError(id);
    const [program] = await this.programs.findByIds([enrollment.programId]);
    const [participant] = who === 'staff' ? [] : await this.participants.findActive([enrollment.participantId]);
    this.policy.assertCanAccess(principal, id, program.branchId, participant);
    return enrollment;
  }

  /** The program's roster: full for its staff (of the teens they act on), its seated teens trimmed for its current mentors. Reading it is audited. */
  async roster(principal: Principal, programId: string, query: RosterQuery, actor: AuditActor): Promise<Page<RosterEntryDto>> {
    const program = await seatingTerms(this.enrollments.manager, programId);
    if (!program) throw new ProgramNotFoundError(programId);
    this.scheduling.assertCanReadProgram(principal, program);
    const view = await this.policy.rosterView(principal, programId, program.branchId);
    const qb = this.enrollments.createQueryBuilder('e').where('e.programId = :programId', { programId });
    // A mentor's roster: the teens holding a seat; the waitlist and those who left are the staff's business.
    if (view === 'mentor') qb.andWhere('e.status IN (:...seated)', { seated: SEAT_HOLDER_STATUSES });
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    const page = await paginate(qb, query, 'createdAt');
    const people = new Map((await this.participants.findActive(page.items.map((e) => e.participantId))).map((p) => [p.id, p]));
    // Staff see the whole record only of the teens they act on (one who left and lives elsewhere is a name).
    const theirs = view === 'staff' ? await this.participants.reachableIds(principal, [...people.keys()]) : new Set<string>();
    if (page.items.length) {
      await this.audit.record({ actor, action: 'participant.viewed', entity: 'participant', changes: { via: `roster:${view}`, programId, ids: [...people.keys()] } });
    }
    return {
      items: page.items.map((e) => {
        const person = people.get(e.participantId);
        const shown = !person ? { id: e.participantId, firstName: 'Erased', lastInitial: '' } : theirs.has(person.id) ? RosterParticipantDto.forStaff(person) : RosterParticipantDto.forMentor(person);
        return RosterEntryDto.of(e, shown);
      }),
      nextCursor: page.nextCursor,
    };
  }

  /** Every page of the roster, for the CSV. */
  async wholeRoster(principal: Principal, programId: string, query: RosterQuery, actor: AuditActor): Promise<RosterEntryDto[]> {
    const all: RosterEntryDto[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.roster(principal, programId, { ...query, limit: MAX_PAGE_SIZE, cursor }, actor);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  /** The signed-in teen's enrollments, newest last, with their programs. */
  async mine(principal: Principal, query: PageQueryDto): Promise<Page<MyEnrollmentDto>> {
    const teen = await this.participants.findByUser(principal.id);
    if (!teen) return { items: [], nextCursor: null };
    const page = await paginate(this.enrollments.createQueryBuilder('e').where('e.participantId = :id', { id: teen.id }), query, 'createdAt');
    const programs = new Map((await this.programs.findByIds([...new Set(page.items.map((e) => e.programId))])).map((p) => [p.id, p]));
    return { items: page.items.map((e) => MyEnrollmentDto.of(e, programs.get(e.programId)!)), nextCursor: page.nextCursor };
  }

  /** Programs the user holds a seat in (as a teen): their schedule and calendar feed show these. */
  async enrolledProgramIds(userId: string): Promise<string[]> {
    const teen = await this.participants.findByUser(userId);
    if (!teen) return [];
    const rows = await this.enrollments.find({ select: { programId: true }, where: { participantId: teen.id, status: 'enrolled' } });
    return rows.map((r) => r.programId);
  }
}
