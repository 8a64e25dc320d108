import { RatesService } from '@codeshelf/attendance';
import { type AuditActor, AuditService, IdempotencyService, isUniqueViolation, OutboxService, type Page, type PageQueryDto, paginate, TransactionService, ValidationFailedError } from '@codeshelf/core';
import { isLibraryStaff, type Principal, UsersService } from '@codeshelf/identity';
import { ageOn, ParticipantsService, todayUtc } from '@codeshelf/people';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { eligibilityOf, InternshipsService } from '../internships/internships.service';
import { takesApplications } from '../internships/eligibility';
import { InternshipEntity } from '../internships/internship.entity';
import {
  AlreadyAppliedError,
  ApplicationNotFoundError,
  IllegalTransitionError,
  InternshipNotOpenError,
  NotEligibleError,
  SlotsFilledError,
  TransitionNotYoursError,
} from '../partners.errors';
import { giveSlotBack, lockInternship, takeSlot } from '../queries/internship-slots';
import { SponsorsService } from '../sponsors/sponsors.service';
import { SponsorshipsService } from '../sponsorships/sponsorships.service';
import { ApplicantCohorts } from './applicant-cohorts';
import { ageBandOf, attendanceBandOf, type Disclosure, type DisclosurePlan, disclosurePlan, eligibilityFacts } from './applicant-profile';
import { ApplicationEntity } from './application.entity';
import { checkStep, HOLDS_SLOT, movesOf, type Side } from './application-rules';
import { type ApplicantDto, ApplicationDto, type ApplicationStatusDto, ApplyDto, ChangeApplicationDto, MyApplicationDto, ReceivedApplicationDto } from './dto/application.dto';

/** A teen's record as people's service reads it (people's entity is not imported here). */
type Person = Awaited<ReturnType<ParticipantsService['findActive']>>[number];

/** A per-sponsor pseudonym: HMAC of the participant under the sponsor's secret salt, in Crockford base32. */
export function pseudonymOf(salt: string, participantId: string): string {
  const digest = createHmac('sha256', salt).update(participantId).digest();
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return `applicant-${[...digest.subarray(0, 10)].map((byte) => alphabet[byte % 32]).join('')}`;
}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
    private readonly internships: InternshipsService,
    private readonly sponsors: SponsorsService,
    private readonly participants: ParticipantsService,
    private readonly users: UsersService,
    private readonly rates: RatesService,
    private readonly sponsorships: SponsorshipsService,
    private readonly cohorts: ApplicantCohorts,
  ) {}

  /** A teen applies (rule 8): while it is open, once, and only when eligible; the sponsor is told. */
  async apply(principal: Principal, internshipId: string, dto: ApplyDto, actor: AuditActor): Promise<ApplicationDto> {
    const internship = await this.internships.visible(principal, internshipId);
    if (!takesApplications(internship)) throw new InternshipNotOpenError(internshipId);
    const standing = await this.internships.standingOf(principal);
    const { reasons } = eligibilityOf(internship, standing);
    if (reasons.length) throw new NotEligibleError(reasons);
    try {
      return await this.transactions.run(async (manager) => {
        const repository = manager.getRepository(ApplicationEntity);
        const application = repository.create({ internshipId, participantId: standing.participantId, ...dto });
        await repository.insert(application);
        await this.outbox.enqueue(manager, 'application.submitted', { applicationId: application.id, internshipId, sponsorId: internship.sponsorId });
        await this.audit.record({ actor, action: 'application.submitted', entity: 'application', entityId: application.id, changes: { internshipId, shareProfile: dto.shareProfile } }, manager);
        const applied = ApplicationDto.from(await repository.findOneByOrFail({ id: application.id }));
        await this.idempotency.complete(manager, applied);
        return applied;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'application_once_per_internship')) {
        throw new AlreadyAppliedError((await this.applications.findOneByOrFail({ internshipId, participantId: standing.participantId })).id);
      }
      throw error;
    }
  }

  /**
   * The posting's applications: for its sponsor (a private applicant only as a pseudonym with what
   * eligibility needs), for admins, and for coordinators the applications of the teens of their branches.
   * Every read is audited.
   */
  async received(principal: Principal, internshipId: string, query: PageQueryDto, actor: AuditActor): Promise<Page<ReceivedApplicationDto>> {
    const internship = await this.internships.visible(principal, internshipId);
    const qb = this.applications.createQueryBuilder('a').where('a.internshipId = :internshipId', { internshipId });
    if (principal.role === 'coordinator') qb.andWhere(this.participants.ofBranchesSql('a.participant_id', 'branchIds'), { branchIds: principal.branchIds });
    const page = await paginate(qb, query, 'createdAt');
    const staff = isLibraryStaff(principal);
    const salt = await this.sponsors.pseudonymSalt(internship.sponsorId);
    const sponsored = page.items.some((a) => !a.shareProfile) && !staff ? await this.sponsorships.programIdsOf(internship.sponsorId) : new Set<string>();
    const ids = page.items.map((a) => a.participantId);
    const people = new Map((await this.participants.findActive(ids)).map((p) => [p.id, p]));
    const standings = await this.rates.standings(ids);
    const open = (a: ApplicationEntity) => a.shareProfile || staff;
    const emails = await this.users.emailsOf(page.items.filter((a) => open(a) && !people.get(a.participantId)?.contactEmail).flatMap((a) => people.get(a.participantId)?.userId ?? []));
    const applicants = page.items.map((a) => this.applicant(a, people.get(a.participantId), standings.get(a.participantId)!, { salt, staff, internship, sponsored, emails }));
    // The private applicants' profiles are walked together, in one statement.
    const shown = await this.cohorts.disclose(applicants.flatMap((x) => ('plan' in x ? [x.plan] : [])));
    // The sponsor's steps are taken by its users and admins (PATCH's roles); a coordinator or an API key takes none.
    const stepper = principal.kind === 'user' && (principal.role === 'sponsor' || principal.role === 'admin');
    let next = 0;
    const items: ReceivedApplicationDto[] = page.items.map(({ id, statement, status, hired, createdAt }, i) => {
      const x = applicants[i];
      const nextStatuses = stepper ? movesOf(status, 'sponsor') : [];
      return { id, internshipId, statement, status, hired, createdAt, nextStatuses, applicant: 'plan' in x ? x.finish(shown[next++]) : x };
    });
    if (items.length) {
      await this.audit.record({
        actor,
        action: 'applicant.viewed',
        entity: 'internship',
        entityId: internshipId,
        changes: { applications: page.items.map((a) => ({ id: a.id, shared: a.shareProfile || staff })) },
      });
    }
    return { items, nextCursor: page.nextCursor };
  }

  /**
   * One applicant as the caller may see them. Staff, and the sponsor of a teen who shared: who they are,
   * every program and the exact rate. The sponsor of a private one: eligibility, and of the bands and its own
   * sponsored programs only what at least REPORT_MIN_CELL teens share (see applicant-profile.ts): a plan, to
   * finish once the page's plans are walked. An erased teen has no age: a pseudonym only (with, if they had
   * shared, their programs and rate, which erasure keeps).
   */
  private applicant(
    a: ApplicationEntity,
    person: Person | undefined,
    { attendanceRate, programs }: { attendanceRate: number | null; programs: { programId: string; title: string }[] },
    view: { salt: string; staff: boolean; internship: InternshipEntity; sponsored: Set<string>; emails: Map<string, string> },
  ): ApplicantDto | { plan: DisclosurePlan; finish: (shown: Disclosure) => ApplicantDto } {
    const open = a.shareProfile || view.staff;
    const pseudonymous = { pseudonym: pseudonymOf(view.salt, a.participantId), shared: a.shareProfile };
    if (!person) {
      const kept = open ? { programs: programs.map((p) => ({ title: p.title })), attendanceRate } : { programs: [] };
      return { ...pseudonymous, eligibility: null, ageBand: null, attendanceBand: null, ...kept };
    }
    const age = ageOn(person.birthDate, todayUtc());
    const { eligibility, cohort } = eligibilityFacts(view.internship, { age, attendanceRate });
    if (!open) {
      const candidates = programs.filter((p) => view.sponsored.has(p.programId));
      const titles = new Map(candidates.map((p) => [p.programId, p.title]));
      return {
        plan: disclosurePlan({ eligibility: cohort, age, rate: attendanceRate, programIds: candidates.map((p) => p.programId) }),
        finish: (shown) => ({ ...pseudonymous, eligibility, ageBand: shown.ageBand, attendanceBand: shown.attendanceBand, programs: shown.programIds.map((id) => ({ title: titles.get(id)! })) }),
      };
    }
    return {
      ...pseudonymous,
      ...(view.staff ? { participantId: person.id } : {}),
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.contactEmail ?? (person.userId ? (view.emails.get(person.userId) ?? null) : null),
      school: person.school,
      eligibility,
      ageBand: ageBandOf(age),
      attendanceBand: attendanceBandOf(attendanceRate),
      programs: programs.map((p) => ({ title: p.title })),
      attendanceRate,
    };
  }

  /** The signed-in teen's applications, newest last. */
  async mine(principal: Principal, query: PageQueryDto): Promise<Page<MyApplicationDto>> {
    const teen = await this.participants.findByUser(principal.id);
    if (!teen) return { items: [], nextCursor: null };
    const page = await paginate(this.applications.createQueryBuilder('a').where('a.participantId = :id', { id: teen.id }), query, 'createdAt');
    const titles = new Map(
      (await this.applications.manager.getRepository(InternshipEntity).findBy({ id: In(page.items.map((a) => a.internshipId)) })).map((i) => [i.id, i.title]),
    );
    return { items: page.items.map((a) => ({ ...ApplicationDto.from(a), internshipTitle: titles.get(a.internshipId) ?? '' })), nextCursor: page.nextCursor };
  }

  /**
   * One step of the pipeline (rule 8), by the side whose step it is; an offer takes one of the posting's
   * slots (a guarded update), and an offer declined, withdrawn or rejected gives it back.
   */
  async change(principal: Principal, id: string, dto: ChangeApplicationDto, actor: AuditActor): Promise<ApplicationStatusDto> {
    if ((dto.status === 'completed') !== (dto.hired !== undefined)) {
      throw new ValidationFailedError([{ field: 'hired', code: 'hiredWithCompleted', message: dto.status === 'completed' ? 'hired is required to complete an application' : 'hired goes only with status completed' }]);
    }
    const found = await this.applications.findOneBy({ id });
    if (!found) throw new ApplicationNotFoundError(id);
    const side = await this.sideOf(principal, found);
    return this.transactions.run(async (manager) => {
      const internship = await lockInternship(manager, found.internshipId);
      const application = await manager.getRepository(ApplicationEntity).findOneByOrFail({ id });
      const from = application.status;
      const check = checkStep(from, dto.status, side);
      if (!check.ok && check.reason === 'not-yours') throw new TransitionNotYoursError(dto.status, check.side === 'teen' ? 'teen who applied' : 'posting sponsor');
      if (!check.ok) throw new IllegalTransitionError(from, dto.status, check.allowed);
      const holds = (s: string) => (HOLDS_SLOT as readonly string[]).includes(s);
      if (!holds(from) && holds(dto.status)) {
        if (!(await takeSlot(manager, internship.id))) throw new SlotsFilledError(internship.id, internship.slots);
      }
      if (holds(from) && !holds(dto.status)) await giveSlotBack(manager, internship.id);
      Object.assign(application, { status: dto.status, ...(dto.hired !== undefined ? { hired: dto.hired } : {}) });
      await manager.getRepository(ApplicationEntity).save(application);
      await this.outbox.enqueue(manager, 'application.status_changed', {
        applicationId: id,
        internshipId: internship.id,
        sponsorId: internship.sponsor_id,
        participantId: application.participantId,
        from,
        to: dto.status,
        // Who hears of it: the teen of an offer, the sponsor of an answer.
        notify: side === 'sponsor' ? 'teen' : 'sponsor',
      });
      await this.audit.record({ actor, action: 'application.status_changed', entity: 'application', entityId: id, changes: { from, to: dto.status, hired: dto.hired } }, manager);
      const { internshipId, status, hired, updatedAt } = application;
      return { id, internshipId, status, hired, updatedAt };
    });
  }

  /**
   * The teen who applied, or the posting sponsor's side: its users, or an admin acting for it.
   * Coordinators never reach here (the route's roles), another sponsor or teen gets a 404.
   */
  private async sideOf(principal: Principal, application: ApplicationEntity): Promise<Side> {
    if (principal.role === 'participant') {
      const teen = await this.participants.findByUser(principal.id);
      if (teen?.id === application.participantId) return 'teen';
    } else if (principal.role === 'admin') {
      return 'sponsor';
    } else if (principal.role === 'sponsor') {
      const internship = await this.internships.visible(principal, application.internshipId).catch(() => null);
      if (internship) return 'sponsor';
    }
    throw new ApplicationNotFoundError(application.id);
  }
}
