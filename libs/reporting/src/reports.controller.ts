import { ApiProblems, UuidPipe } from '@codeshelf/core';
import { actorOf, ApiKeyAllowed, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MentorHoursQuery, MentorHoursReportDto, OutcomesDto, OutcomesQuery, ProgramSummaryDto } from './dto/report.dto';
import { reportCsv } from './report';
import { ReportsService } from './reports.service';

@ApiTags('reporting')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('sponsors/:id/outcomes')
  @Roles('admin', 'coordinator', 'sponsor')
  @ApiKeyAllowed()
  @ApiOperation({
    summary: 'Outcomes of the programs the sponsor sponsors in the period: reach, retention, mentoring, internships, breakdowns, monthly series',
    description:
      'Aggregates only, the same for the sponsor and for staff. Each program is suppressed alone: a count of 1 to REPORT_MIN_CELL − 1 teens is ' +
      '`{ value: null, suppressed: true }`, with complementary suppression within each breakdown; rates over a hidden group are hidden. Teens’ ' +
      'figures cover each program’s whole term whatever the period (the period picks the sponsored programs, the sessions and hours counted and ' +
      'the months listed). Every figure over several programs is made from the programs’ own published figures only: a sum of the shown ones, ' +
      'with `partial: true` when some are left out, so no sum or difference of answers recovers a hidden group (libs/reporting/README.md). ' +
      'A coordinator reads it over the programs of their own branches. ' +
      '`?format=csv` or `Accept: text/csv` gives the same figures as one long table `section,measure,group,value` (`<10` where suppressed). ' +
      'Another sponsor’s report is a 404.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: OutcomesDto, description: 'JSON, or CSV (`text/csv`) with a Content-Disposition filename' })
  @ApiProblems(400, 404)
  async outcomes(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: OutcomesQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OutcomesDto | string> {
    const report = await this.reports.outcomes(principal, id, query);
    if (query.format === 'csv' || (!query.format && accept?.includes('text/csv'))) {
      const period = [query.from, query.to].filter(Boolean).join('_to_') || 'all-time';
      reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="codeshelf-outcomes-${id}-${period}.csv"`);
      return reportCsv(report);
    }
    return report;
  }

  @Get('programs/:id/summary')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'The same measures for one program, unsuppressed, with its flagged teens (the staff of its branch; audited)' })
  @ApiOkResponse({ type: ProgramSummaryDto })
  @ApiProblems(400, 404)
  summary(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<ProgramSummaryDto> {
    return this.reports.programSummary(principal, id, actorOf(principal));
  }

  @Get('mentor-hours')
  @Roles('admin', 'coordinator', 'sponsor')
  @ApiKeyAllowed()
  @ApiOperation({
    summary: 'Volunteer hours by mentor and employer in the period, for companies’ volunteering programmes: a sponsor sees its own employees, a coordinator the sessions of their branches, an admin all',
  })
  @ApiOkResponse({ type: MentorHoursReportDto })
  @ApiProblems(400, 404)
  mentorHours(@CurrentPrincipal() principal: Principal, @Query() query: MentorHoursQuery): Promise<MentorHoursReportDto> {
    return this.reports.mentorHours(principal, query);
  }
}
