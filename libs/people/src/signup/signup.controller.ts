import { ApiProblems, Public, RateLimits, type RouteRateLimit } from '@codeshelf/core';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignupDto } from './dto/signup.dto';
import { SignupResponseDto } from './dto/signup-response.dto';
import { SignupService } from './signup.service';

// Per client address, each attempt counted (each costs an argon2 hash): a burst that lets a whole library
// computer lab sign up in one minute, and an hourly ceiling so that a script cannot keep that pace up.
const SIGNUPS_PER_MINUTE: RouteRateLimit = { name: 'signup-minute', limit: (env) => env.SIGNUP_RATE_LIMIT_PER_ADDRESS_PER_MINUTE, windowSeconds: 60 };
const SIGNUPS_PER_HOUR: RouteRateLimit = { name: 'signup-hour', limit: (env) => env.SIGNUP_RATE_LIMIT_PER_ADDRESS_PER_HOUR, windowSeconds: 3_600 };

@ApiTags('identity')
@Controller('auth')
export class SignupController {
  constructor(private readonly signups: SignupService) {}

  @Post('signup')
  @Public()
  @RateLimits(SIGNUPS_PER_MINUTE, SIGNUPS_PER_HOUR)
  @ApiOperation({ summary: 'A teen signs up; a minor starts pending until their guardian consents through an e-mailed link' })
  @ApiCreatedResponse({ type: SignupResponseDto })
  @ApiProblems(400, 409, 429)
  signup(@Body() dto: SignupDto): Promise<SignupResponseDto> {
    return this.signups.signup(dto);
  }
}
