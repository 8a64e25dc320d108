import { ApiProperty } from '@nestjs/swagger';
import { ENROLLMENT_SOURCES, ENROLLMENT_STATUSES, type EnrollmentEntity, type EnrollmentSource, type EnrollmentStatus } from '../enrollment.entity';

export class EnrollmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, description: 'Place in line (1 is next); null unless waitlisted' }) waitlistPosition: number | null;
  @ApiProperty({ enum: ENROLLMENT_SOURCES }) source: EnrollmentSource;
  @ApiProperty({ type: Date, nullable: true, description: 'When the teen got a seat' }) enrolledAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) withdrawnAt: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'Until when the seat offered waits for the answer; null unless offered' }) offerExpiresAt: Date | null;
  @ApiProperty() createdAt: Date;

  static from(e: EnrollmentEntity): EnrollmentDto {
    return {
      id: e.id,
      programId: e.programId,
      participantId: e.participantId,
      status: e.status,
      waitlistPosition: e.waitlistPosition,
      source: e.source,
      enrolledAt: e.enrolledAt,
      withdrawnAt: e.withdrawnAt,
      // ENROLL's row has no offer column: an enrollment is never created offered.
      offerExpiresAt: e.offerExpiresAt ?? null,
      createdAt: e.createdAt,
    };
  }
}
