import { ApiProblems, RateLimits, type RouteRateLimit } from '@codeshelf/core';
import { CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ConsentsService } from './consents.service';
import { ConsentResentDto } from './dto/consent-resent.dto';

// Each one mails a third party: a few an hour per teen, so that nobody's guardian is flooded.
const RESENDS_PER_HOUR: RouteRateLimit = {
  name: 'consent-resend',
  limit: (env) => env.CONSENT_RESEND_RATE_LIMIT_PER_HOUR,
  windowSeconds: 3_600,
  tracker: (request: FastifyRequest) => (request as FastifyRequest & { user?: Principal }).user?.id ?? request.ip,
};

@ApiTags('people')
@Controller('me/consent-request')
export class ConsentRequestsController {
  constructor(private readonly consents: ConsentsService) {}

  @Post()
  @Roles('participant')
  @HttpCode(202)
  @RateLimits(RESENDS_PER_HOUR)
  @ApiOperation({ summary: 'A teen whose consent is pending has their guardian mailed again: a new link, the earlier ones stop working' })
  @ApiAcceptedResponse({ type: ConsentResentDto })
  @ApiProblems(404, 409, 429)
  resend(@CurrentPrincipal() principal: Principal): Promise<ConsentResentDto> {
    return this.consents.resend(principal);
  }
}
