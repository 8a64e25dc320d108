import { assertValid, type RouteRateLimit } from '@codeshelf/core';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { InvalidCredentialsError } from '../identity.errors';
import { LoginDto } from './dto/login.dto';

/** One account's password guessed from one address: counted per e-mail and client address. */
export const LOGIN_PER_EMAIL: RouteRateLimit = {
  name: 'login',
  limit: (env) => env.LOGIN_RATE_LIMIT_PER_MINUTE,
  windowSeconds: 60,
  tracker: ({ ip, body }) => {
    const email = (body as { email?: unknown } | undefined)?.email;
    return `${ip}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
  },
};

/** Many accounts tried from one address (password spraying). */
export const LOGIN_PER_ADDRESS: RouteRateLimit = { name: 'login-address', limit: (env) => env.LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE, windowSeconds: 60 };

/** passport-local, after the body passed the same validation as any other (a 400 naming the field). */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await assertValid(LoginDto, context.switchToHttp().getRequest<{ body?: unknown }>().body);
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new InvalidCredentialsError();
    return user;
  }
}
