import { PageQueryDto, Trim } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { AGE_BANDS, type AgeBand, ATTENDANCE_BANDS, type AttendanceBand } from '../applicant-profile';
import { APPLICATION_STATUSES, type ApplicationEntity, type ApplicationStatus } from '../application.entity';

export class ApplyDto {
  @ApiProperty({ minLength: 1, maxLength: 5000, example: 'I built a weather bot in the Python club and want to learn how a real team ships software.' })
  @Trim() @IsString() @Length(1, 5000)
  statement: string;

  @ApiProperty({
    description:
      'Let the sponsor see your name, e-mail, school, every program you attend and your attendance rate. If false it sees a pseudonym, ' +
      'whether you meet the posting’s rules, and at most your age band, attendance band and which of its own sponsored programs you attend',
  })
  @IsBoolean()
  shareProfile: boolean;
}

export class ChangeApplicationDto {
  @ApiProperty({ enum: APPLICATION_STATUSES, description: 'The teen: accepted, declined, withdrawn. The sponsor (or staff): shortlisted, offered, rejected, completed.' })
  @IsIn(APPLICATION_STATUSES)
  status: ApplicationStatus;

  @ApiPropertyOptional({ description: 'The outcome, required with `completed` (and only then)' })
  @IsOptional() @IsBoolean()
  hired?: boolean;
}

export class ListApplicationsQuery extends PageQueryDto {}

/** An application as its teen and library staff see it. */
export class ApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) internshipId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() statement: string;
  @ApiProperty() shareProfile: boolean;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: Boolean, nullable: true, description: 'The outcome once completed' }) hired: boolean | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(a: ApplicationEntity): ApplicationDto {
    const { id, internshipId, participantId, statement, shareProfile, status, hired, createdAt, updatedAt } = a;
    return { id, internshipId, participantId, statement, shareProfile, status, hired, createdAt, updatedAt };
  }
}

export class MyApplicationDto extends ApplicationDto {
  @ApiProperty() internshipTitle: string;
}

/** Where an application stands after a change: no applicant data, whoever asked. */
export class ApplicationStatusDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) internshipId: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: Boolean, nullable: true }) hired: boolean | null;
  @ApiProperty() updatedAt: Date;
}

export class AttendedProgramDto {
  @ApiProperty() title: string;
}

export class ApplicantEligibilityDto {
  @ApiProperty({ description: 'Every rule of the posting met today' }) eligible: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'At least the posting’s minimum age today; null when it sets none' }) minAge: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'An attendance rate at least the posting’s minimum today; null when it sets none' }) minAttendanceRate: boolean | null;
}

/**
 * The applicant as the posting sponsor sees them (rule 8; issue 17): with `shared`, who they are, every
 * program they attend and their exact rate; without, a pseudonym (the same every time for this sponsor and
 * different for every other) and only what eligibility needs, coarsened until at least REPORT_MIN_CELL teens
 * share it. Staff see everything.
 */
export class ApplicantDto {
  @ApiProperty({ example: 'applicant-7QK2M9XD4T', description: 'Stable for this sponsor, different for any other, not reversible' }) pseudonym: string;
  @ApiProperty() shared: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only' }) participantId?: string;
  @ApiPropertyOptional({ description: 'Only when shared (or for staff)' }) firstName?: string;
  @ApiPropertyOptional({ description: 'Only when shared (or for staff)' }) lastName?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Only when shared (or for staff)' }) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Only when shared (or for staff)' }) school?: string | null;
  @ApiProperty({ type: ApplicantEligibilityDto, nullable: true, description: 'Each rule of the posting, met or not today; null once the teen was erased' })
  eligibility: ApplicantEligibilityDto | null;
  @ApiProperty({
    enum: AGE_BANDS.map((b) => b.label),
    nullable: true,
    description: 'Age today, in the outcome reports’ bands; null when withheld (a private applicant whose band too few teens share) or the teen was erased',
  })
  ageBand: AgeBand | null;
  @ApiProperty({
    enum: ATTENDANCE_BANDS.map((b) => b.label),
    nullable: true,
    description: 'Share of held sessions attended over all their programs, banded; null when withheld or the teen was erased',
  })
  attendanceBand: AttendanceBand | null;
  @ApiProperty({
    type: [AttendedProgramDto],
    description: 'Shared (or for staff): every program they hold a seat in. Private: only this sponsor’s sponsored programs, each only while enough teens share the whole profile shown',
  })
  programs: AttendedProgramDto[];
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Only when shared (or for staff): share of held sessions attended over all their programs; null before any was held' })
  attendanceRate?: number | null;
}

/** An application on the posting's list: for its sponsor (no participant id) and staff. */
export class ReceivedApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) internshipId: string;
  @ApiProperty() statement: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: Boolean, nullable: true }) hired: boolean | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({
    enum: APPLICATION_STATUSES,
    isArray: true,
    description: 'The statuses the caller may move it to now with PATCH /v1/applications/{id} (the sponsor’s steps for its users and admins; none for coordinators and API keys)',
  })
  nextStatuses: ApplicationStatus[];
  @ApiProperty({ type: ApplicantDto }) applicant: ApplicantDto;
}
