import type { AppEnv } from '@codeshelf/core';
import { AuditService, envConfig } from '@codeshelf/core';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InvalidCredentialsError } from '../identity.errors';
import { decoyHash, verifyPassword } from '../passwords';
import { UserEntity } from '../users/user.entity';
import { normalizeEmail, UsersService } from '../users/users.service';
import { LoginResponseDto } from './dto/login-response.dto';

@Injectable()
export class AuthService {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  /** The same answer, in about the same time, whether the e-mail exists or not. */
  async verifyCredentials(email: string, password: string, requestId: string | null): Promise<UserEntity> {
    const user = await this.users.findByEmail(email);
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (user && valid && !user.disabled) return user;
    await this.audit.record({
      actor: { id: null, kind: 'anonymous' },
      action: 'auth.login_failed',
      entity: 'user',
      entityId: user?.id ?? null,
      changes: { email: normalizeEmail(email), reason: !user ? 'unknown-email' : user.disabled ? 'disabled' : 'wrong-password' },
      requestId,
    });
    throw new InvalidCredentialsError();
  }

  async issueToken(user: UserEntity): Promise<LoginResponseDto> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.env.JWT_TTL_SECONDS,
      user: { id: user.id, email: user.email, role: user.role, displayName: user.displayName },
    };
  }
}
