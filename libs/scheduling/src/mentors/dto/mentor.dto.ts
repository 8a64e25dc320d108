import { IsCalendarDate, PageQueryDto } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { CLEARANCE_KINDS, CLEARANCE_STATUSES, type ClearanceStatus, type MentorClearanceEntity } from '../mentor-clearance.entity';
import type { MentorEntity } from '../mentor.entity';
import { MENTOR_ROLES, type MentorRole } from '../session-mentor.entity';

/** How many of a mentor's coming sessions their record lists. */
export const UPCOMING_SESSIONS = 5;

export class CreateMentorDto {
  @ApiProperty({ format: 'uuid', description: 'A user with the mentor role' })
  @IsUUID()
  userId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The sponsor that employs the mentor' })
  @IsOptional() @IsUUID()
  employerSponsorId?: string;

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', minLength: 1, maxLength: 50 }, maxItems: 30, example: ['python', 'robotics'] })
  @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 50, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000)
  bio?: string;
}

export class CreateClearanceDto {
  @ApiProperty({ enum: CLEARANCE_KINDS })
  @IsIn(CLEARANCE_KINDS)
  kind: (typeof CLEARANCE_KINDS)[number];

  @ApiProperty({ enum: CLEARANCE_STATUSES })
  @IsIn(CLEARANCE_STATUSES)
  status: ClearanceStatus;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  validFrom: string;

  @ApiProperty({ format: 'date', description: 'Last day it is valid; on or after validFrom' })
  @IsCalendarDate()
  expiresOn: string;
}

export class AssignMentorDto {
  @ApiProperty({ enum: MENTOR_ROLES })
  @IsIn(MENTOR_ROLES)
  role: MentorRole;
}

export class ClearanceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CLEARANCE_KINDS }) kind: string;
  @ApiProperty({ enum: CLEARANCE_STATUSES }) status: ClearanceStatus;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ format: 'date' }) expiresOn: string;

  static from(c: MentorClearanceEntity): ClearanceDto {
    return { id: c.id, kind: c.kind, status: c.status, validFrom: c.validFrom, expiresOn: c.expiresOn };
  }
}

/** A session a mentor is on, still to come. */
export class MentorSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() programTitle: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ example: 'America/Chicago', description: 'The branch’s time zone' }) timezone: string;
  @ApiProperty({ enum: MENTOR_ROLES }) role: MentorRole;
}

export class MentorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'Max Mentor', description: 'The name of the mentor’s account' }) displayName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) employerSponsorId: string | null;
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty() bio: string;
  @ApiProperty({ type: [ClearanceDto] }) clearances: ClearanceDto[];
  @ApiProperty({
    type: [MentorSessionDto],
    description: `Their next ${UPCOMING_SESSIONS} scheduled sessions not yet ended, soonest first: of published programs, and of drafts at the reader’s own branches`,
  })
  upcomingSessions: MentorSessionDto[];

  static from(m: MentorEntity, displayName: string, clearances: MentorClearanceEntity[], upcomingSessions: MentorSessionDto[]): MentorDto {
    return {
      id: m.id,
      userId: m.userId,
      displayName,
      employerSponsorId: m.employerSponsorId,
      skills: m.skills,
      bio: m.bio,
      clearances: clearances.map(ClearanceDto.from),
      upcomingSessions,
    };
  }
}

export class SessionMentorDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ enum: MENTOR_ROLES }) role: MentorRole;
}

/** A mentor on a session, by name. */
export class AssignedMentorDto extends SessionMentorDto {
  @ApiProperty({ example: 'Max Mentor' }) displayName: string;
}

export class ListMentorsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Only mentors with a cleared clearance ending between today and this date (inclusive): whose clearance runs out soon' })
  @IsOptional() @IsCalendarDate()
  clearanceExpiresBy?: string;
}
