import { PageQueryDto, toCsv } from '@codeshelf/core';
import { lastInitial, type ParticipantDto } from '@codeshelf/people';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ENROLLMENT_STATUSES, type EnrollmentEntity, type EnrollmentStatus } from '../enrollment.entity';
import { EnrollmentDto } from './enrollment.dto';

export class RosterQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES, description: 'Only enrollments in this status (all by default)' })
  @IsOptional() @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Or send Accept: text/csv: the whole roster (no pages) as a spreadsheet' })
  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/**
 * The teen on a roster line. Staff see the record they look after; a mentor sees first name and last
 * initial only: no birth date, no contacts, no guardian.
 */
/** What a roster line shows of a teen's record (people's participant). */
type RosterPerson = Pick<ParticipantDto, 'id' | 'firstName' | 'lastName'>;
type StaffRosterPerson = RosterPerson &
  Pick<ParticipantDto, 'birthDate' | 'contactEmail' | 'guardianName' | 'guardianEmail' | 'guardianPhone' | 'consentStatus' | 'mediaConsent'>;

export class RosterParticipantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() firstName: string;
  @ApiProperty({ example: 'L.' }) lastInitial: string;
  @ApiPropertyOptional({ description: 'Staff only' }) lastName?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Staff only' }) birthDate?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only' }) contactEmail?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only; null for a teen who signed up as an adult' }) guardianName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only' }) guardianEmail?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Staff only' }) guardianPhone?: string | null;
  @ApiPropertyOptional({ description: 'Staff only' }) consentStatus?: string;
  @ApiPropertyOptional({ description: 'Staff only: whether photos may show the teen' }) mediaConsent?: boolean;

  static forMentor(p: RosterPerson): RosterParticipantDto {
    return { id: p.id, firstName: p.firstName, lastInitial: lastInitial(p.lastName) };
  }

  static forStaff(p: StaffRosterPerson): RosterParticipantDto {
    return {
      ...RosterParticipantDto.forMentor(p),
      lastName: p.lastName,
      birthDate: p.birthDate,
      contactEmail: p.contactEmail,
      guardianName: p.guardianName,
      guardianEmail: p.guardianEmail,
      guardianPhone: p.guardianPhone,
      consentStatus: p.consentStatus,
      mediaConsent: p.mediaConsent,
    };
  }
}

export class RosterEntryDto extends EnrollmentDto {
  @ApiProperty({ type: RosterParticipantDto }) participant: RosterParticipantDto;

  static of(e: EnrollmentEntity, participant: RosterParticipantDto): RosterEntryDto {
    return { ...EnrollmentDto.from(e), participant };
  }
}

/** The roster as a spreadsheet: seats first, then the waitlist in line order, then the rest; staff-only columns empty for a name-only line. */
export function rosterCsv(entries: RosterEntryDto[]): string {
  const rank = (e: RosterEntryDto) => ['enrolled', 'completed', 'waitlisted', 'withdrawn'].indexOf(e.status);
  const sorted = [...entries].sort((a, b) => rank(a) - rank(b) || (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : '');
  const header = ['status', 'waitlistPosition', 'firstName', 'lastName', 'birthDate', 'contactEmail', 'guardianName', 'guardianEmail', 'guardianPhone', 'consentStatus', 'mediaConsent', 'source', 'enrolledAt', 'withdrawnAt'];
  const rows = sorted.map(({ participant: p, ...e }) => [
    e.status,
    e.waitlistPosition?.toString() ?? '',
    p.firstName,
    p.lastName ?? p.lastInitial,
    p.birthDate ?? '',
    p.contactEmail ?? '',
    p.guardianName ?? '',
    p.guardianEmail ?? '',
    p.guardianPhone ?? '',
    p.consentStatus ?? '',
    p.mediaConsent === undefined ? '' : String(p.mediaConsent),
    e.source,
    iso(e.enrolledAt),
    iso(e.withdrawnAt),
  ]);
  return toCsv([header, ...rows]);
}
