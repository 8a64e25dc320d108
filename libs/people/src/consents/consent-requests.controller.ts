import { ApiProblems, RateLimits, type RouteRateLimit, UuidPipe } from '@codeshelf/core';
import { actorOf, CurrentPrincipal, type Principal, Roles } from '@codeshelf/identity';
import { Controller, HttpCode, Param, Post } from '@nestjs/common';
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

// Staff asking again count against the teen, not the coordinator: one guardian, the same few mails an hour.
const STAFF_RESENDS_PER_HOUR: RouteRateLimit = {
  ...RESENDS_PER_HOUR,
  name: 'consent-resend-staff',
  tracker: (request: FastifyRequest) => (request.params as { id?: string }).id ?? request.ip,
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

@ApiTags('people')
@Controller('participants/:id/consent-request')
export class StaffConsentRequestsController {
  constructor(private readonly consents: ConsentsService) {}

  @Post()
  @Roles('admin', 'coordinator')
  @HttpCode(202)
  @RateLimits(STAFF_RESENDS_PER_HOUR)
  @ApiOperation({ summary: 'Staff of the teen’s branch have a pending minor’s guardian mailed again: a new link, the earlier ones stop working (audited)' })
  @ApiAcceptedResponse({ type: ConsentResentDto })
  @ApiProblems(400, 404, 409, 429)
  resend(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ConsentResentDto> {
    return this.consents.resendFor(principal, id, actorOf(principal));
  }
}
