import { ApiProperty } from '@nestjs/swagger';

/** What a guardian who opens the link is asked about: whose consent, by when. Nothing more of the teen. */
export class ConsentRequestDto {
  @ApiProperty({ example: 'Tess' }) teenFirstName: string;
  @ApiProperty({ example: 'Gina Guardian', description: 'The guardian the teen named' }) guardianName: string;
  @ApiProperty() expiresAt: Date;
}
