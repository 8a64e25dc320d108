import { ApiProblems, Public, RateLimits } from '@codeshelf/core';
import { Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, ROLES } from '../principal';
import { ApiKeyAllowed, Roles } from '../roles.decorator';
import type { UserEntity } from '../users/user.entity';
import { AuthService } from './auth.service';
import { LoginResponseDto } from './dto/login-response.dto';
import { LoginDto } from './dto/login.dto';
import { MeDto } from './dto/me.dto';
import { LocalAuthGuard, LOGIN_PER_ADDRESS, LOGIN_PER_EMAIL } from './login.guards';

@ApiTags('identity')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @RateLimits(LOGIN_PER_EMAIL, LOGIN_PER_ADDRESS)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ summary: 'Log in with e-mail and password; answers a Bearer token' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiProblems(400, 401, 429)
  login(@Req() request: { user: UserEntity }): Promise<LoginResponseDto> {
    return this.auth.issueToken(request.user);
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiKeyAllowed()
  @ApiOperation({ summary: 'Who the caller is: a user, or a sponsor API key' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): MeDto {
    return MeDto.from(principal);
  }
}
