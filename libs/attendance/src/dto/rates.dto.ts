import { IsInstantWithOffset } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../attendance.entity';

export const COMPLETION_STATUSES = ['in_progress', 'completed', 'not_completed'] as const;
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];
/** This many absences in a row (unrecorded counts as absent, excused is skipped) flag a teen. */
export const ABSENCE_STREAK_FLAG = 3;

/** One teen's attendance in one program, by rule 7. */
export class TeenRatesDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ description: 'When they got their seat: sessions before it do not count' }) enrolledAt: Date;
  @ApiProperty({ description: 'Sessions held (started, not cancelled) since they enrolled' }) sessionsHeld: number;
  @ApiProperty() present: number;
  @ApiProperty() late: number;
  @ApiProperty() absent: number;
  @ApiProperty() excused: number;
  @ApiProperty({ description: 'Held sessions nobody recorded them at' }) unrecorded: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.75, description: '(present + late) / sessionsHeld, 4 decimals; null before any session' }) rate: number | null;
  @ApiProperty({ description: 'Absent or unrecorded since they last came (excused ones skipped)' }) consecutiveAbsences: number;
  @ApiProperty({ description: `True at ${ABSENCE_STREAK_FLAG} or more consecutive absences` }) flagged: boolean;
  @ApiProperty({ enum: COMPLETION_STATUSES, description: 'Once the program has ended: completed when rate ≥ its completionThreshold' }) completion: CompletionStatus;
}

export class RosterRatesDto extends TeenRatesDto {
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
}

export class SessionCountsDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty({ enum: ['scheduled', 'cancelled'] }) status: string;
  @ApiProperty({ description: 'Whether it has started and was not cancelled: only these count' }) held: boolean;
  @ApiProperty({ description: 'Teens holding a seat then' }) expected: number;
  @ApiProperty() present: number;
  @ApiProperty() late: number;
  @ApiProperty() absent: number;
  @ApiProperty() excused: number;
  @ApiProperty() unrecorded: number;
}

/** One recorded status: a cell of the program's attendance sheet (teens × sessions). */
export class AttendanceMarkDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status: AttendanceStatus;
}

export class ProgramAttendanceDto {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ example: 0.75 }) completionThreshold: number;
  @ApiProperty({ description: 'Whether the program has ended (completion is final)' }) ended: boolean;
  @ApiProperty({ type: [RosterRatesDto] }) teens: RosterRatesDto[];
  @ApiProperty({ type: [SessionCountsDto] }) sessions: SessionCountsDto[];
  @ApiProperty({ type: [AttendanceMarkDto], description: 'Every status recorded at the program’s sessions, for a teens × sessions sheet; a cell without one is unrecorded' })
  marks: AttendanceMarkDto[];
}

export class ParticipantProgramRatesDto extends TeenRatesDto {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() programTitle: string;
}

export class ParticipantAttendanceDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ type: [ParticipantProgramRatesDto] }) programs: ParticipantProgramRatesDto[];
}

export class HoursQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Sessions starting at or after (default: all)' })
  @IsOptional() @IsInstantWithOffset()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Sessions starting before (default: all)' })
  @IsOptional() @IsInstantWithOffset()
  to?: string;
}

export class ProgramHoursDto {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() title: string;
  @ApiProperty() sessions: number;
  @ApiProperty({ example: 13.5 }) hours: number;
}

/** A mentor's volunteer hours: the durations of the sessions they were recorded present at. */
export class MentorHoursDto {
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Their employer, whose volunteering these hours count for' }) employerSponsorId: string | null;
  @ApiProperty() sessions: number;
  @ApiProperty({ example: 13.5 }) hours: number;
  @ApiProperty({ type: [ProgramHoursDto] }) byProgram: ProgramHoursDto[];
}

export class FlaggedQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One branch; by default every branch the caller runs' })
  @IsOptional() @IsUUID()
  branchId?: string;
}

/** A teen flagged for absences in a row, with the program it happened in. */
export class FlaggedTeenDto extends TeenRatesDto {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() programTitle: string;
  @ApiProperty({ format: 'uuid' }) branchId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
}
