import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSENT_STATUSES, type ConsentStatus, GUARDIAN_LANGUAGES, type GuardianLanguage, type ParticipantEntity } from '../participant.entity';

/** A participant's record, for the teen themself and the staff who look after them. */
export class ParticipantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ format: 'date' }) birthDate: string;
  @ApiPropertyOptional({ type: String, nullable: true }) school: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The partner school whose roster brought the teen in' }) schoolId: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) grade: number | null;
  @ApiPropertyOptional({ type: String, format: 'email', nullable: true }) contactEmail: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null for a teen who signed up as an adult' }) guardianName: string | null;
  @ApiProperty({ type: String, format: 'email', nullable: true }) guardianEmail: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) guardianPhone: string | null;
  @ApiProperty({ enum: GUARDIAN_LANGUAGES, description: 'The language the guardian is written to' }) guardianLanguage: GuardianLanguage;
  @ApiProperty({ enum: CONSENT_STATUSES }) consentStatus: ConsentStatus;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) consentGrantedAt: Date | null;
  @ApiProperty() mediaConsent: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) gender: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) postalCode: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) homeBranchId: string | null;
  @ApiProperty({ description: 'Whether the teen has a login of their own' }) hasAccount: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(p: ParticipantEntity): ParticipantDto {
    return {
      id: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      school: p.school,
      schoolId: p.schoolId,
      grade: p.grade,
      contactEmail: p.contactEmail,
      guardianName: p.guardianName,
      guardianEmail: p.guardianEmail,
      guardianPhone: p.guardianPhone,
      guardianLanguage: p.guardianLanguage,
      consentStatus: p.consentStatus,
      consentGrantedAt: p.consentGrantedAt,
      mediaConsent: p.mediaConsent,
      gender: p.gender,
      postalCode: p.postalCode,
      homeBranchId: p.homeBranchId,
      hasAccount: p.userId !== null,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}
