import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_STATUSES, type ConsentStatus } from '../../participants/participant.entity';

/** What the guardian learns back: the decision took, and nothing else about the teen. */
export class ConsentAnswerDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: CONSENT_STATUSES }) consentStatus: ConsentStatus;
}
