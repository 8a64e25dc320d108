import { RatesService } from '@codeshelf/attendance';
import { type AppEnv, type AuditActor, envConfig, type FieldErrorDto, ReportingDataSource, ValidationFailedError } from '@codeshelf/core';
import { isLibraryStaff, type Principal } from '@codeshelf/identity';
import { sponsoredPrograms, SponsorsPolicy } from '@codeshelf/partners';
import { ProgramNotFoundError, ProgramsService, SchedulingPolicy } from '@codeshelf/scheduling';
import { Inject, Injectable } from '@nestjs/common';
import { MentorHoursQuery, MentorHoursReportDto, OutcomesDto, OutcomesQuery, ProgramSummaryDto } from './dto/report.dto';
import { measure } from './queries/measures';
import { mentorHours } from './queries/mentor-hours';
import { shapeReport } from './report';
import { ProgramNotSponsoredError } from './reports.errors';

function assertWholeMonths(from?: string, to?: string): void {
  const errors: FieldErrorDto[] = [];
  if (from && !from.endsWith('-01')) errors.push({ field: 'from', code: 'isMonthStart', message: 'from must be the first day of a month' });
  if (to && new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).getUTCDate() !== 1) errors.push({ field: 'to', code: 'isMonthEnd', message: 'to must be the last day of a month' });
  if (errors.length) throw new ValidationFailedError(errors);
}

/** A period of calendar days as PostgreSQL bounds: [from, the day after to). */
function bounds(from?: string, to?: string): { from: string; to: string } {
  if (from && to && to < from) throw new ValidationFailedError([{ field: 'to', code: 'dateOrder', message: 'to must be on or after from' }]);
  const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: from ?? '-infinity', to: to ? dayAfter(to) : 'infinity' };
}

/**
 * Reports (rule 9): SQL aggregates over the programs in scope, suppressed for sponsors, whole for staff. The
 * figures are read through the reporting DataSource (the read replica when one is set); who may read what is
 * decided on the primary, so a program or sponsor created a moment ago is never refused for replication lag.
 */
@Injectable()
export class ReportsService {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly reporting: ReportingDataSource,
    private readonly sponsors: SponsorsPolicy,
    private readonly programs: ProgramsService,
    private readonly scheduling: SchedulingPolicy,
    private readonly rates: RatesService,
  ) {}

  /**
   * A sponsor's outcomes over the programs it sponsors in the period, suppressed at REPORT_MIN_CELL for
   * everyone (library staff see what the sponsor sees), each program alone and the totals made from those
   * parts (see libs/reporting/README.md). Another sponsor's report is a 404.
   */
  async outcomes(principal: Principal, sponsorId: string, query: OutcomesQuery): Promise<OutcomesDto> {
    await this.sponsors.assertCanReadExisting(principal, sponsorId);
    // Whole months, so that the monthly series is the same cells whatever period is asked for.
    if (!isLibraryStaff(principal)) assertWholeMonths(query.from, query.to);
    const period = bounds(query.from, query.to);
    const sponsored = await sponsoredPrograms(this.reporting.dataSource().manager, sponsorId, query.from ?? null, query.to ?? null);
    // A coordinator reads the sponsor's report over the programs of their own branches only.
    let programIds = sponsored.filter((r) => principal.role !== 'coordinator' || this.scheduling.runsBranch(principal, r.branch_id)).map((r) => r.program_id);
    if (query.programId) {
      if (!programIds.includes(query.programId)) throw new ProgramNotSponsoredError(query.programId);
      programIds = [query.programId];
    }
    const min = this.env.REPORT_MIN_CELL;
    const measures = await measure(this.reporting.dataSource().manager, { programIds, ...period, sponsorId });
    const months = { from: query.from?.slice(0, 7) ?? null, to: query.to?.slice(0, 7) ?? null };
    return { sponsorId, programIds, from: query.from ?? null, to: query.to ?? null, minCell: min, ...shapeReport(measures, min, months) };
  }

  /** One program's measures for its staff, nothing suppressed, with the teens flagged for absences. */
  async programSummary(principal: Principal, programId: string, actor: AuditActor): Promise<ProgramSummaryDto> {
    const [program] = await this.programs.findByIds([programId]);
    if (!program) throw new ProgramNotFoundError(programId);
    this.scheduling.assertCanChangeProgram(principal, program);
    const [measures, attendance] = await Promise.all([
      measure(this.reporting.dataSource().manager, { programIds: [programId], from: '-infinity', to: 'infinity', sponsorId: null }),
      this.rates.program(principal, programId, actor),
    ]);
    const flaggedTeens = attendance.teens
      .filter((t) => t.flagged)
      .map(({ participantId, firstName, lastName, consecutiveAbsences }) => ({ participantId, firstName, lastName, consecutiveAbsences }));
    return { sponsorId: null, programIds: [programId], from: null, to: null, minCell: 0, ...shapeReport(measures, 0), flaggedTeens };
  }

  /** Volunteer hours by mentor and employer: admins for anyone, a coordinator at their branches, a sponsor for its own employees. */
  async mentorHours(principal: Principal, query: MentorHoursQuery): Promise<MentorHoursReportDto> {
    if (query.sponsorId) this.sponsors.assertCanRead(principal, query.sponsorId);
    // A sponsor reads its own employees' hours only.
    const employerSponsorId = isLibraryStaff(principal) ? (query.sponsorId ?? null) : principal.sponsorId;
    const branchIds = principal.role === 'coordinator' ? principal.branchIds : null;
    const mentors = await mentorHours(this.reporting.dataSource().manager, { employerSponsorId, ...bounds(query.from, query.to), branchIds });
    const totalHours = Math.round(mentors.reduce((sum, r) => sum + r.hours, 0) * 100) / 100;
    return { from: query.from ?? null, to: query.to ?? null, mentors, totalHours };
  }
}
