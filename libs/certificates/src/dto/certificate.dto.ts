import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export const CERTIFICATE_STATUSES = ['valid', 'revoked', 'erased'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const CERTIFICATE_LANGUAGES = ['en', 'es'] as const;
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number];

/** One certificate as its staff and its teen see it. */
export class CertificateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() programTitle: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ description: '"Erased" once the teen was erased' }) firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: Number, example: 22.5, description: 'Hours of the sessions attended (present or late), when issued' }) hoursAttended: number;
  @ApiProperty({ format: 'date-time' }) issuedAt: Date;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) revokedReason: string | null;
  @ApiProperty({ example: 'http://localhost:3000/certificates/verify/…', description: 'The public page that shows whether it is genuine (the QR code on the PDF)' })
  verificationUrl: string;
}

/** What issuing certificates for a whole program did. */
export class IssueResultDto {
  @ApiProperty({ description: 'Certificates issued by this call' }) issued: number;
  @ApiProperty({ description: 'Teens who completed and already had one (revoked ones included): nothing issued again' }) alreadyIssued: number;
  @ApiProperty({ description: 'Teens with a seat who did not complete (rule 7)' }) notCompleted: number;
  @ApiProperty({ type: [CertificateDto], description: 'The certificates issued by this call' }) items: CertificateDto[];
}

export class CertificateListDto {
  @ApiProperty({ type: [CertificateDto] }) items: CertificateDto[];
}

export class RevokeCertificateDto {
  @ApiProperty({ minLength: 3, maxLength: 500, example: 'Issued in error: attendance was corrected.' })
  @IsString() @MinLength(3) @MaxLength(500)
  reason: string;
}

export class CertificatePdfQuery {
  @ApiPropertyOptional({ enum: CERTIFICATE_LANGUAGES, default: 'en', description: 'The language of the certificate’s wording' })
  @IsOptional() @IsIn(CERTIFICATE_LANGUAGES)
  language?: CertificateLanguage;
}

/**
 * The public answer about a verification code: for a genuine certificate only first name, last initial,
 * program and date; for a revoked or erased one, no name at all.
 */
export class VerificationDto {
  @ApiProperty() genuine: boolean;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: CertificateStatus;
  @ApiPropertyOptional({ example: 'Tess' }) firstName?: string;
  @ApiPropertyOptional({ example: 'T.' }) lastInitial?: string;
  @ApiPropertyOptional({ example: 'Intro to Python' }) programTitle?: string;
  @ApiPropertyOptional({ format: 'date', description: 'The day it was issued' }) issuedOn?: string;
  @ApiPropertyOptional({ format: 'date', description: 'The day it was revoked' }) revokedOn?: string;
}
