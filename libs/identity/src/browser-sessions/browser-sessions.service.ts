import type { AppEnv } from '@codeshelf/core';
import { envConfig } from '@codeshelf/core';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import type { Principal } from '../principal';
import { deleteExpiredSessions, liveSessionUser } from '../queries/browser-sessions';
import { UsersService } from '../users/users.service';
import { BrowserSessionEntity } from './browser-session.entity';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Browser sign-ins: the opaque ids their cookies hold, checked on every request and ended on sign-out. */
@Injectable()
export class BrowserSessionsService {
  /** How long a session lasts: the cookie's Max-Age and the row's expiry. */
  readonly ttlSeconds: number;

  constructor(
    @Inject(envConfig.KEY) env: AppEnv,
    @InjectRepository(BrowserSessionEntity) private readonly sessions: Repository<BrowserSessionEntity>,
    private readonly users: UsersService,
  ) {
    this.ttlSeconds = env.BROWSER_SESSION_TTL_HOURS * 3_600;
  }

  /** A new session for the user; the returned id goes only into the cookie. Their expired ones go, so the table stays small. */
  async start(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await deleteExpiredSessions(this.sessions.manager, userId);
    await this.sessions.insert({ userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + this.ttlSeconds * 1_000) });
    return token;
  }

  /** The signed-in user of a live session (not revoked, not expired, user not disabled), else null. */
  async authenticate(token: string): Promise<Principal | null> {
    const userId = await liveSessionUser(this.sessions.manager, hashToken(token));
    return userId ? this.users.findPrincipal(userId) : null;
  }

  /** Ends every live session of the user ("sign out everywhere"): each of their cookies is refused from now on. */
  async revokeAll(userId: string): Promise<void> {
    await this.sessions
      .createQueryBuilder()
      .update(BrowserSessionEntity)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL AND expires_at > now()', { userId })
      .execute();
  }

  /** Ends the session on the server: the same cookie is refused from now on, wherever it is replayed. */
  async revoke(token: string): Promise<void> {
    await this.sessions
      .createQueryBuilder()
      .update(BrowserSessionEntity)
      .set({ revokedAt: () => 'now()' })
      .where('token_hash = :tokenHash AND revoked_at IS NULL', { tokenHash: hashToken(token) })
      .execute();
  }
}
