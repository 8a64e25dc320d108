import { IsInstantWithOffset, IsNumberWithDecimals, PageQueryDto, Trim } from '@codeshelf/core';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { INTERNSHIP_STATUSES, type InternshipEntity, type InternshipStatus } from '../internship.entity';

export class CreateInternshipDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff name the sponsor; a sponsor user posts for its own (and may leave it out)' })
  @IsOptional() @IsUUID()
  sponsorId?: string;

  @ApiProperty({ maxLength: 200, example: 'Summer software intern' })
  @Trim() @IsString() @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional() @IsString() @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Acme HQ, 1 Main St' })
  @IsOptional() @Trim() @IsString() @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional() @IsBoolean()
  remote?: boolean;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 3 })
  @IsInt() @Min(1) @Max(1000)
  slots: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 10, maximum: 99, nullable: true, example: 16 })
  @IsOptional() @IsInt() @Min(10) @Max(99)
  minAge?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 1, nullable: true, example: 0.8, description: 'Share of held sessions attended over all the teen’s programs' })
  @IsOptional() @IsNumberWithDecimals(2) @Min(0) @Max(1)
  minAttendanceRate?: number | null;

  @ApiProperty({ format: 'date-time', example: '2027-03-01T09:00:00-06:00' })
  @IsInstantWithOffset()
  opensAt: string;

  @ApiProperty({ format: 'date-time', example: '2027-04-01T17:00:00-05:00', description: 'After opensAt' })
  @IsInstantWithOffset()
  closesAt: string;
}

/** Only the fields sent change; the sponsor stays. */
export class UpdateInternshipDto extends PartialType(OmitType(CreateInternshipDto, ['sponsorId'] as const)) {}

export class ListInternshipsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: INTERNSHIP_STATUSES, description: 'Teens always get open ones only' })
  @IsOptional() @IsIn(INTERNSHIP_STATUSES)
  status?: InternshipStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  sponsorId?: string;
}

export class EligibilityReasonDto {
  @ApiProperty({ enum: ['min-age', 'min-attendance-rate'] }) rule: string;
  @ApiProperty() message: string;
}

export class EligibilityDto {
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: [EligibilityReasonDto] }) reasons: EligibilityReasonDto[];
}

export class InternshipDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sponsorId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() location: string;
  @ApiProperty() remote: boolean;
  @ApiProperty() slots: number;
  @ApiProperty({ type: 'integer', nullable: true }) minAge: number | null;
  @ApiProperty({ type: Number, nullable: true }) minAttendanceRate: number | null;
  @ApiProperty() opensAt: Date;
  @ApiProperty() closesAt: Date;
  @ApiProperty({ enum: INTERNSHIP_STATUSES }) status: InternshipStatus;
  @ApiProperty({ description: 'Offers out or taken (offered, accepted, completed)' }) offeredCount: number;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ type: EligibilityDto, description: 'For a teen: whether they may apply, and if not why' }) eligibility?: EligibilityDto;

  static from(i: InternshipEntity, eligibility?: EligibilityDto): InternshipDto {
    const { id, sponsorId, title, description, location, remote, slots, minAge, minAttendanceRate, opensAt, closesAt, status, offeredCount, createdAt } = i;
    return { id, sponsorId, title, description, location, remote, slots, minAge, minAttendanceRate, opensAt, closesAt, status, offeredCount, createdAt, ...(eligibility ? { eligibility } : {}) };
  }
}
