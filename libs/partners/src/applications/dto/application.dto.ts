import { PageQueryDto, Trim } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { APPLICATION_STATUSES, type ApplicationEntity, type ApplicationStatus } from '../application.entity';

export class ApplyDto {
  @ApiProperty({ minLength: 1, maxLength: 5000, example: 'I built a weather bot in the Python club and want to learn how a real team ships software.' })
  @Trim() @IsString() @Length(1, 5000)
  statement: string;

  @ApiProperty({ description: 'Let the sponsor see your name, e-mail, school, programs and attendance; if false it sees a pseudonym, programs and attendance only' })
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

/**
 * The applicant as the posting sponsor sees them (rule 8): with `shared`, who they are; without, a
 * pseudonym that is the same every time for this sponsor and different for every other. Staff see both.
 */
export class ApplicantDto {
  @ApiProperty({ example: 'applicant-7QK2M9XD4T', description: 'Stable for this sponsor, different for any other, not reversible' }) pseudonym: string;
  @ApiProperty() shared: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only' }) participantId?: string;
  @ApiPropertyOptional({ description: 'Only when shared (or for staff)' }) firstName?: string;
  @ApiPropertyOptional({ description: 'Only when shared (or for staff)' }) lastName?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Only when shared (or for staff)' }) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Only when shared (or for staff)' }) school?: string | null;
  @ApiProperty({ type: [AttendedProgramDto] }) programs: AttendedProgramDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Share of held sessions attended over all their programs' }) attendanceRate: number | null;
}

/** An application on the posting's list: for its sponsor (no participant id) and staff. */
export class ReceivedApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) internshipId: string;
  @ApiProperty() statement: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: Boolean, nullable: true }) hired: boolean | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: ApplicantDto }) applicant: ApplicantDto;
}
