import { Trim } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ATTENDANCE_METHODS, ATTENDANCE_STATUSES, type AttendanceMethod, type AttendanceStatus } from '../attendance.entity';
import { MENTOR_ATTENDANCE_STATUSES, type MentorAttendanceStatus } from '../mentor-attendance.entity';

/** The most records one roll call takes: more than any program's capacity here. */
export const MAX_ROLL_CALL = 500;

export class AttendanceRecordInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status: AttendanceStatus;

  @ApiPropertyOptional({ maxLength: 500, example: 'Dentist; back next week' })
  @IsOptional() @Trim() @IsString() @MaxLength(500)
  note?: string;
}

export class MentorAttendanceInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  mentorId: string;

  @ApiProperty({ enum: MENTOR_ATTENDANCE_STATUSES })
  @IsIn(MENTOR_ATTENDANCE_STATUSES)
  status: MentorAttendanceStatus;
}

export class RollCallDto {
  @ApiProperty({ type: [AttendanceRecordInput], maxItems: MAX_ROLL_CALL, description: 'One per teen; teens left out keep what they had' })
  @IsArray() @ArrayMaxSize(MAX_ROLL_CALL) @ValidateNested({ each: true }) @Type(() => AttendanceRecordInput)
  records: AttendanceRecordInput[];

  @ApiPropertyOptional({ type: [MentorAttendanceInput], maxItems: 50, description: 'The session’s mentors: who came (their volunteer hours)' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => MentorAttendanceInput)
  mentors?: MentorAttendanceInput[];
}

export class CheckInDto {
  @ApiProperty({ maxLength: 6, example: '492039', pattern: '^\\d{6}$', description: 'The code on the mentor’s screen' })
  @IsString() @MaxLength(6) @Matches(/^\d{6}$/, { message: 'code must be the six digits on the mentor’s screen' })
  code: string;
}

export class AttendeeDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty() firstName: string;
  @ApiProperty({ example: 'L.' }) lastInitial: string;
  @ApiProperty({ type: String, nullable: true, enum: [...ATTENDANCE_STATUSES, null], description: 'null: not recorded yet' }) status: AttendanceStatus | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true, enum: [...ATTENDANCE_METHODS, null] }) method: AttendanceMethod | null;
  @ApiProperty({ type: Date, nullable: true }) checkedInAt: Date | null;
}

export class MentorAttendeeDto {
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['lead', 'assistant'] }) role: string;
  @ApiProperty({ type: String, nullable: true, enum: [...MENTOR_ATTENDANCE_STATUSES, null] }) status: MentorAttendanceStatus | null;
}

/** A session's attendance sheet: every teen holding a seat (and anyone recorded), and its mentors. */
export class SessionAttendanceDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ type: [AttendeeDto] }) teens: AttendeeDto[];
  @ApiProperty({ type: [MentorAttendeeDto] }) mentors: MentorAttendeeDto[];
}

export class CheckInCodeDto {
  @ApiProperty({ example: '492039' }) code: string;
  @ApiProperty({ description: 'When the next code replaces it (the previous one is accepted one period longer)' }) expiresAt: Date;
  @ApiProperty({ example: 60 }) periodSeconds: number;
  @ApiProperty({ example: 'http://localhost:3000/check-in?sessionId=…&code=492039', description: 'For a QR code: the page a teen’s phone opens to check in' })
  checkInUrl: string;
}

export class CheckInResultDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, description: 'present, or late after the grace period; a status staff recorded before stays' }) status: AttendanceStatus;
  @ApiProperty({ enum: ATTENDANCE_METHODS }) method: AttendanceMethod;
  @ApiProperty({ type: Date, nullable: true }) checkedInAt: Date | null;
}
