import type { AppEnv } from '@codeshelf/core';
import { envConfig } from '@codeshelf/core';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '../principal';
import { UsersService } from '../users/users.service';
import { jwtSecret } from './jwt-secret';

export const JWT_ALGORITHM = 'HS256';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(envConfig.KEY) env: AppEnv,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: jwtSecret(env),
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  // Loaded on every request, so a disabled user's tokens stop working at once.
  validate(payload: { sub?: unknown }): Promise<Principal | null> {
    return typeof payload.sub === 'string' ? this.users.findPrincipal(payload.sub) : Promise.resolve(null);
  }
}
