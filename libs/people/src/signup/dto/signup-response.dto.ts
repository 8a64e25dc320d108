import { ApiProperty } from '@nestjs/swagger';
import { ParticipantDto } from '../../participants/dto/participant.dto';

export class SignupAccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ['participant'] }) role: 'participant';
  @ApiProperty() displayName: string;
}

/** The new participant and their login; the teen then logs in with POST /v1/auth/login. */
export class SignupResponseDto {
  @ApiProperty({ type: ParticipantDto }) participant: ParticipantDto;
  @ApiProperty({ type: SignupAccountDto }) user: SignupAccountDto;
}
