import { ApiProblems, Public } from '@codeshelf/core';
import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { SignupDto } from './dto/signup.dto';
import { SignupResponseDto } from './dto/signup-response.dto';
import { SignupService } from './signup.service';

// Per client address: generous enough for a whole club signing up from one library lab in a minute,
// tight enough that nobody mass-creates accounts (each costs an argon2 hash).
const SIGNUPS_PER_MINUTE = 30;

@ApiTags('identity')
@Controller('auth')
export class SignupController {
  constructor(private readonly signups: SignupService) {}

  @Post('signup')
  @Public()
  @UseGuards(ThrottlerGuard)
  // The address limit is the one that binds here; the per-e-mail one is only as strict.
  @Throttle({ address: { limit: SIGNUPS_PER_MINUTE, ttl: 60_000 }, login: { limit: SIGNUPS_PER_MINUTE, ttl: 60_000 } })
  @ApiOperation({ summary: 'A teen signs up; a minor starts pending until their guardian consents through an e-mailed link' })
  @ApiCreatedResponse({ type: SignupResponseDto })
  @ApiProblems(400, 409, 429)
  signup(@Body() dto: SignupDto): Promise<SignupResponseDto> {
    return this.signups.signup(dto);
  }
}
