import { assertValid } from '@codeshelf/core';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { InvalidCredentialsError } from '../identity.errors';
import { LoginDto } from './dto/login.dto';

type ThrottledRequest = { ip?: string; body?: { email?: unknown } };

/** The 'login' throttler's key: one e-mail from one client address. */
export const byAddressAndEmail = (request: Record<string, unknown>) => {
  const { ip, body } = request as ThrottledRequest;
  return `${ip ?? ''}|${typeof body?.email === 'string' ? body.email.trim().toLowerCase() : ''}`;
};

/** The 'address' throttler's key: the client address alone (TRUST_PROXY decides what that is). */
export const byAddress = (request: Record<string, unknown>) => (request as ThrottledRequest).ip ?? '';

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
