import { AppEnv, envConfig } from '@codeshelf/core';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysPolicy } from './api-keys/api-keys.policy';
import { ApiKeysService } from './api-keys/api-keys.service';
import { ApiKeyStrategy } from './auth/api-key.strategy';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { JWT_ALGORITHM, JwtStrategy } from './auth/jwt.strategy';
import { JWT_SECRET, JwtSecretModule } from './auth/jwt-secret.module';
import { LocalStrategy } from './auth/local.strategy';
import { BrowserSessionEntity } from './browser-sessions/browser-session.entity';
import { BrowserSessionsController } from './browser-sessions/browser-sessions.controller';
import { BrowserSessionsService } from './browser-sessions/browser-sessions.service';
import { FirstAdmin } from './first-admin';
import { CoordinatorBranchEntity } from './users/coordinator-branch.entity';
import { UserEntity } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** Accounts, login, tokens, browser sessions, sponsor API keys: who the caller is. The global AccessGuard uses it. */
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, CoordinatorBranchEntity, ApiKeyEntity, BrowserSessionEntity]),
    PassportModule,
    JwtSecretModule,
    JwtModule.registerAsync({
      imports: [JwtSecretModule],
      inject: [envConfig.KEY, JWT_SECRET],
      useFactory: (env: AppEnv, secret: string) => ({
        secret,
        signOptions: { algorithm: JWT_ALGORITHM, expiresIn: env.JWT_TTL_SECONDS },
        verifyOptions: { algorithms: [JWT_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController, BrowserSessionsController, UsersController, ApiKeysController],
  providers: [UsersService, AuthService, ApiKeysService, ApiKeysPolicy, JwtStrategy, LocalStrategy, ApiKeyStrategy, FirstAdmin, BrowserSessionsService],
  // BrowserSessionsService for the global AccessGuard, which the app module registers.
  exports: [UsersService, BrowserSessionsService],
})
export class IdentityModule {}
