import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class EnrollDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The teen to enroll: required for staff; a teen leaves it out (or names themself)' })
  @IsOptional() @IsUUID()
  participantId?: string;
}
