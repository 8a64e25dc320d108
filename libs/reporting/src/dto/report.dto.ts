import { FigureDto, IsCalendarDate } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class ReachDto {
  @ApiProperty({ type: FigureDto }) programs: FigureDto;
  @ApiProperty({ type: FigureDto, description: 'Started, not cancelled, in the period' }) sessionsHeld: FigureDto;
  @ApiProperty({ type: FigureDto }) instructionHours: FigureDto;
  @ApiProperty({ type: FigureDto, description: 'Seats held (enrolled or completed), over the programs’ whole terms; a teen in two programs counts in each' }) teensEnrolled: FigureDto;
  @ApiProperty({ type: FigureDto, description: 'Of those, present or late at least once (the seats outside the attendance breakdown’s “never came”)' }) teensActive: FigureDto;
  @ApiProperty({ type: FigureDto, description: 'Longest waitlist of each program, summed' }) waitlistedAtPeak: FigureDto;
}

export class RetentionDto {
  @ApiProperty({ type: FigureDto, description: 'Mean of the teens’ rates (present + late over held since they enrolled); over several programs, the programs’ means weighted by their seats' }) averageAttendanceRate: FigureDto;
  @ApiProperty({ type: FigureDto, description: 'Seats in programs that have ended' }) finishedEnrollments: FigureDto;
  @ApiProperty({ type: FigureDto, description: 'Of those, rate ≥ the program’s completion threshold (rule 7): the attendance breakdown’s “threshold met” of ended programs' }) completedEnrollments: FigureDto;
  @ApiProperty({ type: FigureDto }) completionRate: FigureDto;
  @ApiProperty({
    type: FigureDto,
    description:
      'Of the completed enrollments, those holding a certificate of completion that stands (revoked ones do not count; an erased teen’s does). ' +
      'Shown only where the completed teens are, and where the completed teens without one would also reach REPORT_MIN_CELL (or are none)',
  })
  certificatesIssued: FigureDto;
}

export class ReportFeedbackDto {
  @ApiProperty({
    type: FigureDto,
    description:
      'Teens holding a seat, present or late at least once, who rated a held session (an erased teen’s ratings count); ' +
      'suppressed like a part of the teens active (of the seats where that is hidden): hidden from 1 to REPORT_MIN_CELL − 1, and where those who did not rate would be',
  })
  raters: FigureDto;
  @ApiProperty({
    type: FigureDto,
    description: 'Mean of those raters’ session ratings (1–5, 2 places), hidden with the raters; over several programs the programs’ means weighted by their raters. No comment and no teen is ever in a report',
  })
  averageRating: FigureDto;
}

export class MentoringDto {
  @ApiProperty({ type: FigureDto }) mentors: FigureDto;
  @ApiProperty({ type: FigureDto }) volunteerHours: FigureDto;
  @ApiProperty({ type: FigureDto, description: 'Hours given by the sponsor’s own employees' }) employeeVolunteerHours: FigureDto;
}

export class InternshipOutcomesDto {
  @ApiProperty({ type: FigureDto }) postings: FigureDto;
  @ApiProperty({ type: FigureDto }) applications: FigureDto;
  @ApiProperty({ type: FigureDto }) offers: FigureDto;
  @ApiProperty({ type: FigureDto, description: 'Accepted offers (accepted or completed)' }) placements: FigureDto;
  @ApiProperty({ type: FigureDto }) completed: FigureDto;
  @ApiProperty({ type: FigureDto }) hired: FigureDto;
}

export class BreakdownRowDto {
  @ApiProperty({ example: '15-16' }) group: string;
  @ApiProperty({ type: FigureDto }) teens: FigureDto;
  @ApiProperty({ type: FigureDto }) averageAttendanceRate: FigureDto;
}

export class BreakdownsDto {
  @ApiProperty({ type: [BreakdownRowDto], description: 'Age on the program’s first day; every band is listed, empty ones as 0' }) ageBand: BreakdownRowDto[];
  @ApiProperty({ type: [BreakdownRowDto], description: 'Self-reported, in fixed groups; every group is listed' }) gender: BreakdownRowDto[];
  @ApiProperty({ type: [BreakdownRowDto], description: 'The program’s branch' }) branch: BreakdownRowDto[];
  @ApiProperty({ type: [BreakdownRowDto], description: '“never came”, “below threshold” or “threshold met” (rate ≥ the program’s completion threshold so far)' }) attendance: BreakdownRowDto[];
  @ApiProperty({
    type: [BreakdownRowDto],
    description: 'The partner school a roster import brought the teen from (each branch’s partner schools are all listed, by name), then “no partner school”',
  })
  school: BreakdownRowDto[];
}

export class MonthDto {
  @ApiProperty({ example: '2027-03' }) month: string;
  @ApiProperty({ type: FigureDto, description: 'Present or late marks; a program’s month is hidden when fewer than REPORT_MIN_CELL of its teens came' }) attendances: FigureDto;
}

export class OutcomesDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) sponsorId: string | null;
  @ApiProperty({ type: [String], description: 'Programs covered' }) programIds: string[];
  @ApiProperty({ format: 'date', nullable: true, type: String }) from: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) to: string | null;
  @ApiProperty({ description: 'Figures counting fewer teens than this are suppressed (0: nothing is)' }) minCell: number;
  @ApiProperty({ type: ReachDto }) reach: ReachDto;
  @ApiProperty({ type: RetentionDto }) retention: RetentionDto;
  @ApiProperty({ type: ReportFeedbackDto, description: 'What the teens said of the sessions, as ratings only' }) feedback: ReportFeedbackDto;
  @ApiProperty({ type: MentoringDto }) mentoring: MentoringDto;
  @ApiPropertyOptional({ type: InternshipOutcomesDto, description: 'Sponsor reports only' }) internships?: InternshipOutcomesDto;
  @ApiProperty({ type: BreakdownsDto }) breakdowns: BreakdownsDto;
  @ApiProperty({ type: [MonthDto] }) monthly: MonthDto[];
}

export class FlaggedTeenDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() consecutiveAbsences: number;
}

export class ProgramSummaryDto extends OutcomesDto {
  @ApiProperty({ type: [FlaggedTeenDto], description: '3 or more absences in a row' }) flaggedTeens: FlaggedTeenDto[];
}

export class OutcomesQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Sessions from this day (in each branch’s zone); sponsorships overlapping the period. A sponsor gives the first day of a month.' })
  @IsOptional() @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Sessions until this day, inclusive. A sponsor gives the last day of a month.' })
  @IsOptional() @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this sponsored program' })
  @IsOptional() @IsUUID()
  programId?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Or send Accept: text/csv' })
  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class MentorHoursQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only mentors employed by this sponsor (a sponsor always gets its own)' })
  @IsOptional() @IsUUID()
  sponsorId?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Inclusive' })
  @IsOptional() @IsCalendarDate()
  to?: string;
}

export class MentorHoursRowDto {
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) employerSponsorId: string | null;
  @ApiProperty({ type: String, nullable: true }) employerName: string | null;
  @ApiProperty() sessions: number;
  @ApiProperty() hours: number;
}

export class MentorHoursReportDto {
  @ApiProperty({ type: String, format: 'date', nullable: true }) from: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) to: string | null;
  @ApiProperty({ type: [MentorHoursRowDto] }) mentors: MentorHoursRowDto[];
  @ApiProperty() totalHours: number;
}
