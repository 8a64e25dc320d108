import type { AppEnv } from '@codeshelf/core';
import { ApiProblems, envConfig, Public, RateLimits } from '@codeshelf/core';
import { Controller, Delete, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginDto } from '../auth/dto/login.dto';
import { MeDto } from '../auth/dto/me.dto';
import { LocalAuthGuard, LOGIN_PER_ADDRESS, LOGIN_PER_EMAIL } from '../auth/login.guards';
import { CurrentPrincipal, type Principal, ROLES } from '../principal';
import { Roles } from '../roles.decorator';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { BrowserSessionsService } from './browser-sessions.service';
import { SessionResponseDto } from './dto/session-response.dto';
import { RefuseForeignOrigin } from './csrf';
import { clearedSessionCookie, SESSION_COOKIE, sessionCookie, sessionCookieOf } from './session-cookie';

const SET_COOKIE_DOC = `${SESSION_COOKIE}=…; HttpOnly; SameSite=Lax; Path=/ (and Secure in production)`;

@ApiTags('identity')
@Controller('auth')
export class BrowserSessionsController {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly sessions: BrowserSessionsService,
    private readonly users: UsersService,
  ) {}

  @Post('session')
  @Public()
  @HttpCode(200)
  // The same counters as POST /v1/auth/login: two doors do not double the guesses.
  @RateLimits(LOGIN_PER_EMAIL, LOGIN_PER_ADDRESS)
  @RefuseForeignOrigin()
  @UseGuards(LocalAuthGuard)
  @ApiOperation({
    summary: 'Sign a browser in with e-mail and password: sets the HttpOnly session cookie, no token for scripts',
    description:
      'Later requests carry the cookie instead of a Bearer token. A POST, PUT, PATCH or DELETE signed in by the cookie is refused ' +
      '(403 csrf-refused) unless its Origin header is the API’s own origin or one of CORS_ORIGINS. The sign-in itself is refused ' +
      'the same way when it names another Origin (another site must not sign a browser into an account of its choosing).',
  })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: SessionResponseDto, headers: { 'Set-Cookie': { description: SET_COOKIE_DOC, schema: { type: 'string' } } } })
  @ApiProblems(400, 401, 403, 429)
  async signIn(@Req() request: { user: UserEntity }, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponseDto> {
    const token = await this.sessions.start(request.user.id);
    reply.header('Set-Cookie', sessionCookie(token, this.sessions.ttlSeconds, this.env));
    // LocalAuthGuard only lets an enabled user through, so the principal exists.
    return { user: MeDto.from((await this.users.findPrincipal(request.user.id))!) };
  }

  @Delete('session')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign the browser out: ends the session on the server and clears the cookie (204 even with no live session)' })
  @ApiNoContentResponse({ description: 'Signed out', headers: { 'Set-Cookie': { description: `${SESSION_COOKIE}=; Max-Age=0 …`, schema: { type: 'string' } } } })
  @ApiProblems(403)
  async signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = sessionCookieOf(request.headers.cookie);
    if (token) await this.sessions.revoke(token);
    reply.header('Set-Cookie', clearedSessionCookie(this.env));
  }

  @Delete('sessions')
  @HttpCode(204)
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Sign out everywhere: ends every browser session of the signed-in user, and clears this browser’s cookie',
    description:
      'For a lost phone or a shared computer: every session cookie of the caller’s account, on any browser, is refused (401) from now on. ' +
      'Signed in by the cookie or a Bearer token; with the cookie, the Origin check of every unsafe request applies (403 csrf-refused). ' +
      'Bearer tokens from POST /v1/auth/login are not sessions and stay valid until they expire. API keys are refused (403).',
  })
  @ApiNoContentResponse({ description: 'Every browser session ended', headers: { 'Set-Cookie': { description: `${SESSION_COOKIE}=; Max-Age=0 …`, schema: { type: 'string' } } } })
  @ApiProblems(401, 403)
  async signOutEverywhere(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.revokeAll(principal.id);
    reply.header('Set-Cookie', clearedSessionCookie(this.env));
  }
}
