import { ApiProperty } from '@nestjs/swagger';
import { GUARDIAN_LANGUAGES, type GuardianLanguage } from '../../participants/participant.entity';

/** What a guardian who opens the link is asked about: whose consent, by when. Nothing more of the teen. */
export class ConsentRequestDto {
  @ApiProperty({ example: 'Tess' }) teenFirstName: string;
  @ApiProperty({ example: 'Gina Guardian', description: 'The guardian the teen named' }) guardianName: string;
  @ApiProperty({ enum: GUARDIAN_LANGUAGES, description: 'The language the guardian chose to be written to: the page speaks it' }) language: GuardianLanguage;
  @ApiProperty() expiresAt: Date;
}
