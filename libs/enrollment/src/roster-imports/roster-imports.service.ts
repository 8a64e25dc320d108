import { type AppEnv, type AuditActor, AuditService, envConfig, isUniqueViolation, requestContext, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { ParticipantsService } from '@codeshelf/people';
import { BranchesService, SchedulingPolicy, type SchoolDto, SchoolsService, seatingTerms } from '@codeshelf/scheduling';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { eligibilityProblem } from '../eligibility';
import { AlreadyEnrolledConcurrentlyError, GuardianConsentRequiredError, NotOfBranchError, RosterInvalidError, RosterUnreadableError } from '../enrollment.errors';
import { addPendingEnrollments } from '../queries/pending-enrollments';
import { activeEnrollees, lockRosterImports } from '../queries/roster-imports';
import { placeEnrollment } from '../queries/seats';
import { RosterImportDto, RosterImportQuery, RosterRowResultDto } from './dto/roster-import.dto';
import { checkRoster, type RosterProblem, type RosterTeenRow, UnreadableRoster } from './roster-csv';

/** The most rows one import takes: a big school's whole roster, and a bound on one transaction's work. */
export const MAX_ROSTER_ROWS = 10_000;

const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** A teen of the roster once created or matched, as enrollment needs them. */
interface Placed {
  result: RosterRowResultDto;
  participantId: string;
  birthDate: string;
  consentStatus: string;
}

/**
 * A school's roster, imported at a branch: every row is checked before anything is written, each teen is
 * created once (a teen already known is matched, never created again), each new minor's guardian gets the
 * consent mail, and with a program the teens are enrolled as a coordinator would enroll them one by one.
 * All of it is one transaction, and imports run one at a time.
 */
@Injectable()
export class RosterImportsService {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly branches: BranchesService,
    private readonly schools: SchoolsService,
    private readonly scheduling: SchedulingPolicy,
    private readonly participants: ParticipantsService,
  ) {}

  async import(principal: Principal, branchId: string, query: RosterImportQuery, csv: string, actor: AuditActor): Promise<RosterImportDto> {
    await this.branches.get(branchId);
    this.scheduling.assertCanChangeBranch(principal, branchId);
    const schools = await this.schools.ofBranch(branchId);
    const fixedSchool = query.schoolId ? schools.find((s) => s.id === query.schoolId) : undefined;
    if (query.schoolId && !fixedSchool) throw new NotOfBranchError('schoolId', 'names no partner school of this branch');
    const program = query.programId ? await seatingTerms(this.dataSource.manager, query.programId) : null;
    if (query.programId && program?.branchId !== branchId) throw new NotOfBranchError('programId', 'names no program of this branch');

    const checked = this.check(csv, schools, fixedSchool);
    if (checked.problems.length && !query.importGoodRows) {
      throw new RosterInvalidError(checked.rows, new Set(checked.problems.map((p) => p.row)).size, checked.problems);
    }
    const skipped = groupByRow(checked.problems);
    const requestId = requestContext.getStore()?.requestId ?? null;

    return this.transactions.run(async (tx) => {
      await lockRosterImports(tx);
      const known = await this.participants.known(tx, checked.good);
      const knownOf = new Map(known.map((k) => [k.index, k]));
      const reach = await this.participants.reachableIds(principal, known.map((k) => k.id), tx);
      const fresh = checked.good.filter((_, i) => !knownOf.has(i));
      const created = await this.participants.createRoster(
        tx,
        fresh.map((row) => ({ ...row, school: row.school!, schoolId: row.schoolId, homeBranchId: branchId })),
        actor,
        requestId,
      );
      const createdOf = new Map(fresh.map((row, i) => [row.row, created[i]]));

      const results = new Map<number, RosterRowResultDto>();
      const placed: Placed[] = [];
      checked.good.forEach((row, i) => {
        const match = knownOf.get(i);
        const made = createdOf.get(row.row);
        // A teen of another branch is only said to exist: the coordinator wrote their name and birth date themself.
        const outcome = made ? 'created' : match && reach.has(match.id) ? 'matched' : 'known-elsewhere';
        const participantId = made?.id ?? (outcome === 'matched' ? match!.id : null);
        const consentStatus = made?.consentStatus ?? (outcome === 'matched' ? match!.consentStatus : null);
        const result: RosterRowResultDto = { row: row.row, outcome, participantId, consentStatus, enrollment: null, reason: null, errors: [] };
        results.set(row.row, result);
        if (participantId) placed.push({ result, participantId, birthDate: made ? row.birthDate : match!.birthDate, consentStatus: consentStatus! });
      });
      for (const [row, errors] of skipped) {
        results.set(row, { row, outcome: 'skipped', participantId: null, consentStatus: null, enrollment: null, reason: null, errors });
      }
      const enrollment = program ? await this.enroll(tx, program, placed, actor, requestId) : null;
      const answer: RosterImportDto = {
        branchId,
        rows: checked.rows,
        created: created.length,
        matched: placed.length - created.length,
        knownElsewhere: checked.good.length - placed.length,
        skipped: skipped.size,
        consentMails: created.filter((c) => c.consentStatus === 'pending').length,
        enrollment,
        results: [...results.values()].sort((a, b) => a.row - b.row),
      };
      const { results: _, ...counts } = answer;
      await this.audit.record({ actor, action: 'roster.imported', entity: 'branch', entityId: branchId, changes: { ...counts, schoolId: fixedSchool?.id ?? null } }, tx);
      return answer;
    });
  }

  /** The roster's rows, checked, each good row's school resolved to a partner school of the branch. */
  private check(csv: string, schools: SchoolDto[], fixedSchool: SchoolDto | undefined) {
    let checked: ReturnType<typeof checkRoster>;
    try {
      checked = checkRoster(csv, { maxRows: MAX_ROSTER_ROWS, schoolRequired: !fixedSchool });
    } catch (error) {
      if (error instanceof UnreadableRoster) throw new RosterUnreadableError(error.problems);
      throw error;
    }
    const byName = new Map(schools.map((s) => [normalName(s.name), s]));
    const problems = [...checked.problems];
    const good: (RosterTeenRow & { schoolId: string })[] = [];
    for (const row of checked.good) {
      const school = row.school ? byName.get(normalName(row.school)) : fixedSchool;
      if (!school) {
        const names = schools.map((s) => s.name).join(', ') || 'none yet';
        problems.push({ row: row.row, field: 'school', code: 'isPartnerSchool', message: `school "${row.school}" is not a partner school of this branch (${names})` });
        continue;
      }
      good.push({ ...row, school: school.name, schoolId: school.id });
    }
    return { rows: checked.rows, good, problems: problems.sort((a, b) => a.row - b.row) };
  }

  /** Each teen enrolled as ENROLL enrolls one: a seat, else a waitlist place (or an offer), by rule 3's checks. */
  private async enroll(tx: EntityManager, program: NonNullable<Awaited<ReturnType<typeof seatingTerms>>>, placed: Placed[], actor: AuditActor, requestId: string | null) {
    const summary = { programId: program.id, enrolled: 0, offered: 0, waitlisted: 0, awaitingConsent: 0, notEnrolled: 0 };
    const already = await activeEnrollees(tx, program.id, placed.map((p) => p.participantId));
    const awaiting: string[] = [];
    for (const teen of placed) {
      const r = teen.result;
      if (already.has(teen.participantId)) {
        Object.assign(r, { enrollment: 'already-enrolled', reason: 'already has a place in this program' });
        summary.notEnrolled++;
        continue;
      }
      const problem = eligibilityProblem(program, teen, this.env.AGE_OF_MAJORITY);
      if (problem) {
        if (problem instanceof GuardianConsentRequiredError && teen.consentStatus === 'pending') {
          // Enrolled by the consent's own transaction (PendingEnrollments), rule 3 checked again then.
          Object.assign(r, { enrollment: 'awaiting-consent', reason: 'enrolled once the guardian consents' });
          awaiting.push(teen.participantId);
          summary.awaitingConsent++;
        } else {
          Object.assign(r, { enrollment: 'not-eligible', reason: problem.detail ?? problem.title });
          summary.notEnrolled++;
        }
        continue;
      }
      const row = await placeEnrollment(tx, { programId: program.id, participantId: teen.participantId, source: 'coordinator', actor, requestId }).catch((error: unknown) => {
        // The teen enrolled themself since `already` was read: the whole import is refused, to be sent again.
        if (isUniqueViolation(error, 'enrollment_one_active')) throw new AlreadyEnrolledConcurrentlyError();
        throw error;
      });
      if (!row) {
        Object.assign(r, { enrollment: 'full', reason: 'the program is full and has no waitlist' });
        summary.notEnrolled++;
        continue;
      }
      const status = row.status as 'enrolled' | 'offered' | 'waitlisted';
      r.enrollment = status;
      summary[status]++;
    }
    await addPendingEnrollments(tx, program.id, awaiting, actor.kind === 'user' ? actor.id : null);
    return summary;
  }
}

function groupByRow(problems: RosterProblem[]): Map<number, RosterProblem[]> {
  const rows = new Map<number, RosterProblem[]>();
  for (const p of problems) rows.set(p.row, [...(rows.get(p.row) ?? []), p]);
  return rows;
}
