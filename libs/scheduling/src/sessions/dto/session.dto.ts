import { IsInstantWithOffset, PageQueryDto, Trim } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { MENTOR_ROLES, type MentorRole } from '../../mentors/session-mentor.entity';
import type { SessionRow } from '../../queries/session-reads';
import { SESSION_STATUSES, type SessionEntity, type SessionStatus } from '../session.entity';

export class CreateSessionDto {
  @ApiProperty({ format: 'date-time', example: '2027-01-12T16:00:00-06:00' })
  @IsInstantWithOffset()
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2027-01-12T17:30:00-06:00', description: 'After startsAt' })
  @IsInstantWithOffset()
  endsAt: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A room of the program’s branch' })
  @IsOptional() @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Loops and lists' })
  @IsOptional() @IsString() @MaxLength(200)
  topic?: string;
}

export class CancelSessionDto {
  @ApiProperty({ minLength: 1, maxLength: 300, example: 'Snow day' })
  @Trim()
  @IsString() @Length(1, 300)
  reason: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) seriesId: string | null;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) roomId: string | null;
  @ApiProperty() topic: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;

  static from(s: Omit<SessionEntity, 'sequence' | 'createdAt' | 'updatedAt'>): SessionDto {
    return {
      id: s.id,
      programId: s.programId,
      seriesId: s.seriesId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      roomId: s.roomId,
      topic: s.topic,
      status: s.status,
      cancelReason: s.cancelReason,
    };
  }
}

/** A mentor as the public sees one: the first name, never the e-mail or the last name. */
export class SessionMentorNameDto {
  @ApiProperty({ example: 'Ana', description: 'The first word of the mentor’s display name' }) firstName: string;
  @ApiProperty({ enum: MENTOR_ROLES }) role: MentorRole;
}

/** A session of a program's list, with the first names of its mentors (lead first). */
export class ProgramSessionDto extends SessionDto {
  @ApiProperty({ type: [SessionMentorNameDto], description: 'The mentors assigned, by first name only (lead first); empty when none is' })
  mentors: SessionMentorNameDto[];

  static fromRow(row: SessionRow): ProgramSessionDto {
    return { ...SessionDto.from(row), mentors: row.mentors };
  }
}

/** The guideline: at most this many teens per mentor in a session. */
export const MAX_TEENS_PER_MENTOR = 10;

export class StaffingDto {
  @ApiProperty({ description: 'Mentors assigned to the session' }) mentors: number;
  @ApiProperty({ description: 'Teens enrolled in the program (a seat, not the waitlist)' }) enrolledTeens: number;
  @ApiProperty({ type: Number, nullable: true, example: 8.5, description: 'Teens per mentor; null without mentors' }) teensPerMentor: number | null;
  @ApiProperty({ description: `True above 1 mentor : ${MAX_TEENS_PER_MENTOR} teens (also when teens have no mentor at all)` }) overRatio: boolean;
}

/** One session, with whether it has enough mentors for its teens. */
export class SessionDetailDto extends SessionDto {
  @ApiProperty({ type: StaffingDto }) staffing: StaffingDto;

  static of(s: SessionEntity, mentors: number, enrolledTeens: number): SessionDetailDto {
    return {
      ...SessionDto.from(s),
      staffing: {
        mentors,
        enrolledTeens,
        teensPerMentor: mentors ? Math.round((enrolledTeens / mentors) * 10) / 10 : null,
        overRatio: enrolledTeens > mentors * MAX_TEENS_PER_MENTOR,
      },
    };
  }
}

/** Only the fields sent change; `roomId: null` takes the session out of its room. */
export class UpdateSessionDto extends PartialType(CreateSessionDto) {}

export type SessionScope = 'this' | 'following';

export class SessionScopeQuery {
  @ApiPropertyOptional({ enum: ['this', 'following'], default: 'this', description: '`following`: this session and the later ones of its series' })
  @IsOptional() @IsIn(['this', 'following'])
  scope?: SessionScope;
}

export class ListSessionsQuery extends PageQueryDto {
  @ApiProperty({ format: 'date-time', example: '2027-03-01T00:00:00-06:00', description: 'Sessions starting at or after this instant' })
  @IsInstantWithOffset()
  from: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-08T00:00:00-06:00', description: 'Sessions starting before this instant' })
  @IsInstantWithOffset()
  to: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One branch; by default every branch the caller runs' })
  @IsOptional() @IsUUID()
  branchId?: string;
}

/** A session in the staff's week: its program, branch, room and mentors by name. */
export class BranchSessionDto extends SessionDto {
  @ApiProperty() programTitle: string;
  @ApiProperty({ format: 'uuid' }) branchId: string;
  @ApiProperty({ type: String, nullable: true }) roomName: string | null;
  @ApiProperty({ type: [String], description: 'Its mentors’ names, lead first' }) mentorNames: string[];
}
