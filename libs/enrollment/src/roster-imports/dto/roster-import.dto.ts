import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

/** How a roster is imported: the query of POST /v1/branches/{id}/roster-imports (the body is the CSV itself). */
export class RosterImportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The partner school every row is from; without it, each row’s school column must name one of the branch’s partner schools' })
  @IsOptional() @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A published program of the branch to enroll the imported teens in (capacity and waitlist as ever); a minor whose consent is pending is enrolled when the guardian consents, if they still may be then' })
  @IsOptional() @IsUUID()
  programId?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Import the good rows and skip the bad ones; without it, one bad row means nothing is written (422 roster-invalid)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  importGoodRows?: boolean;
}

export class RosterProblemDto {
  @ApiProperty({ description: 'The line in the file; the header is row 1' }) row: number;
  @ApiProperty({ example: 'birth_date', description: 'The column, as the file names it, or "row" for the whole row' }) field: string;
  @ApiProperty({ example: 'isBirthDate' }) code: string;
  @ApiProperty() message: string;
}

export const ROW_OUTCOMES = ['created', 'matched', 'known-elsewhere', 'skipped'] as const;
export const ROW_ENROLLMENTS = ['enrolled', 'offered', 'waitlisted', 'already-enrolled', 'awaiting-consent', 'not-eligible', 'full'] as const;

export class RosterRowResultDto {
  @ApiProperty() row: number;
  @ApiProperty({
    enum: ROW_OUTCOMES,
    description:
      'created: a new teen; matched: a teen already known (same name and birth date, or same name and guardian e-mail) you look after, not created again; ' +
      'known-elsewhere: such a teen of another branch, neither created nor enrolled nor shown; skipped: a bad row, not imported',
  })
  outcome: (typeof ROW_OUTCOMES)[number];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for known-elsewhere and skipped rows' }) participantId: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['pending', 'granted', 'revoked'], description: 'The teen’s consent; pending means the guardian was sent the consent mail' })
  consentStatus: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ROW_ENROLLMENTS, description: 'With programId: what became of the teen’s enrollment' })
  enrollment: (typeof ROW_ENROLLMENTS)[number] | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why a teen was not enrolled, in words' }) reason: string | null;
  @ApiProperty({ type: [RosterProblemDto] }) errors: RosterProblemDto[];
}

export class RosterEnrollmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() enrolled: number;
  @ApiProperty({ description: 'Offered a seat to accept (a program that offers freed seats)' }) offered: number;
  @ApiProperty() waitlisted: number;
  @ApiProperty({ description: 'Minors whose guardian has not answered yet: each is enrolled when the guardian consents (a revoked consent is not-eligible)' }) awaitingConsent: number;
  @ApiProperty({ description: 'Already enrolled, too young or old, or the program full without a waitlist' }) notEnrolled: number;
}

export class RosterImportDto {
  @ApiProperty({ format: 'uuid' }) branchId: string;
  @ApiProperty({ description: 'Rows read (the header not counted)' }) rows: number;
  @ApiProperty() created: number;
  @ApiProperty() matched: number;
  @ApiProperty() knownElsewhere: number;
  @ApiProperty({ description: 'Bad rows left out (importGoodRows)' }) skipped: number;
  @ApiProperty({ description: 'Consent mails queued to guardians of the new minors' }) consentMails: number;
  @ApiProperty({ type: RosterEnrollmentSummaryDto, nullable: true }) enrollment: RosterEnrollmentSummaryDto | null;
  @ApiProperty({ type: [RosterRowResultDto], description: 'One per row, in file order' }) results: RosterRowResultDto[];
}
