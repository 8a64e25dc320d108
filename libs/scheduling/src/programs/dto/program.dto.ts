import { ApiProperty } from '@nestjs/swagger';
import type { ProgramRow } from '../../queries/program-reads';
import { PROGRAM_LEVELS, PROGRAM_STATUSES, type ProgramEntity, type ProgramLevel, type ProgramStatus } from '../program.entity';

export class ProgramDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) branchId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: PROGRAM_LEVELS }) level: ProgramLevel;
  @ApiProperty() minAge: number;
  @ApiProperty() maxAge: number;
  @ApiProperty() capacity: number;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ type: Date, nullable: true }) enrollmentOpensAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) enrollmentClosesAt: Date | null;
  @ApiProperty() waitlistEnabled: boolean;
  @ApiProperty({ example: 0.75 }) completionThreshold: number;
  @ApiProperty({ enum: PROGRAM_STATUSES }) status: ProgramStatus;
  @ApiProperty({ description: 'Teens enrolled now' }) enrolledCount: number;
  @ApiProperty({ description: 'Teens on the waitlist now' }) waitlistedCount: number;
  @ApiProperty({ description: 'Free seats (capacity − enrolledCount)' }) seatsLeft: number;
  @ApiProperty({ type: Date, nullable: true }) publishedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(p: ProgramEntity): ProgramDto {
    return {
      id: p.id,
      branchId: p.branchId,
      title: p.title,
      description: p.description,
      level: p.level,
      minAge: p.minAge,
      maxAge: p.maxAge,
      capacity: p.capacity,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      enrollmentOpensAt: p.enrollmentOpensAt,
      enrollmentClosesAt: p.enrollmentClosesAt,
      waitlistEnabled: p.waitlistEnabled,
      completionThreshold: p.completionThreshold,
      status: p.status,
      enrolledCount: p.enrolledCount,
      waitlistedCount: p.waitlistedCount,
      seatsLeft: p.capacity - p.enrolledCount,
      publishedAt: p.publishedAt,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}

/** The start and end of a session. */
export class SessionTimesDto {
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
}

/** A program of the catalogue, with its next session, so a card can say when the club meets without another request. */
export class CatalogueProgramDto extends ProgramDto {
  @ApiProperty({ type: SessionTimesDto, nullable: true, description: 'The next scheduled session that has not ended; null when none is left' })
  nextSession: SessionTimesDto | null;

  static fromRow(row: ProgramRow): CatalogueProgramDto {
    const nextSession = row.nextSessionStartsAt && row.nextSessionEndsAt ? { startsAt: row.nextSessionStartsAt, endsAt: row.nextSessionEndsAt } : null;
    return { ...ProgramDto.from(row), nextSession };
  }
}
