import { ApiProperty } from '@nestjs/swagger';
import { MeDto } from '../../auth/dto/me.dto';

/** A browser sign-in's answer: who signed in (as GET /v1/me says). The session itself is only in the HttpOnly cookie. */
export class SessionResponseDto {
  @ApiProperty({ type: MeDto }) user: MeDto;
}
