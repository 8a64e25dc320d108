import { assertValid } from '@codeshelf/core';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ThrottlerGuard } from '@nestjs/throttler';
import { InvalidCredentialsError } from '../identity.errors';
import { LoginDto } from './dto/login.dto';

/** Limits login attempts per e-mail and client address, so guessing one account's password is slow. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: { ip?: string; body?: { email?: unknown } }): Promise<string> {
    const email = typeof request.body?.email === 'string' ? request.body.email.trim().toLowerCase() : '';
    return `${request.ip ?? ''}|${email}`;
  }
}

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
