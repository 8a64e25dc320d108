import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '../principal';
import { UsersService } from '../users/users.service';
import { JWT_SECRET } from './jwt-secret.module';

export const JWT_ALGORITHM = 'HS256';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SECRET) secret: string,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, made once: given a string, jsonwebtoken tries it as a public key on every request (an
      // exception each time), which took a fifth of the API's busy CPU on authenticated reads (bench/README.md).
      // passport-jwt hands it to jsonwebtoken as it is; its types only know strings and Buffers.
      secretOrKey: createSecretKey(Buffer.from(secret)) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  // Loaded on every request, so a disabled user's tokens stop working at once.
  validate(payload: { sub?: unknown }): Promise<Principal | null> {
    return typeof payload.sub === 'string' ? this.users.findPrincipal(payload.sub) : Promise.resolve(null);
  }
}
