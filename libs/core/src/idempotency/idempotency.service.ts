import { Injectable, Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { claimKey, deleteExpiredKeys, heldKey, releaseClaim, storeAnswer } from '../queries/idempotency';
import { IdempotencyKeyInFlightError, IdempotencyKeyReusedError } from './idempotency.errors';

/** How long a key's answer is kept and replayed. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** How long an in-flight claim is honoured before it counts as abandoned by a crashed process. */
export const IDEMPOTENCY_LEASE_SECONDS = 30;

export type Claim = { kind: 'claimed'; token: string } | { kind: 'replay'; status: number; body: unknown };

/** A key this run holds, with the status its answer is stored under; `stored` once its transaction wrote the answer. */
export interface HeldClaim {
  scope: string;
  key: string;
  token: string;
  status: number;
  stored?: boolean;
}

/** The claim of the request being served, set by the interceptor around its handler. */
export const heldClaims = new AsyncLocalStorage<HeldClaim>();

/** Canonical JSON (keys sorted at every depth), so that key order never changes a fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const requestFingerprint = (method: string, path: string, body: unknown): string =>
  createHash('sha256').update(`${method} ${path}\n${canonical(body)}`).digest('hex');

/**
 * Idempotency keys in PostgreSQL, so every API process sees the same claims. A key is claimed with one
 * INSERT … ON CONFLICT: a fresh key, an expired one, or an abandoned claim of the same request is ours;
 * anything else is a replay, a conflict (still running) or a misuse (another request under the key).
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Deletes up to `limit` keys past their 24 hours; answers how many. A claim already treats such a key as
   * free, so nobody can tell it went: this only keeps the table from growing for ever. IdempotencySweep calls it.
   */
  sweepExpired(limit = 5_000): Promise<number> {
    return deleteExpiredKeys(this.dataSource.manager, limit);
  }

  async claim(scope: string, key: string, fingerprint: string): Promise<Claim> {
    const db = this.dataSource.manager;
    const token = await claimKey(db, scope, key, fingerprint, IDEMPOTENCY_LEASE_SECONDS, IDEMPOTENCY_TTL_HOURS);
    if (token) return { kind: 'claimed', token };
    const held = await heldKey(db, scope, key);
    // Gone between the two statements (the claimer failed and released it): the client may simply retry.
    if (!held) throw new IdempotencyKeyInFlightError(1);
    if (held.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
    if (held.state === 'completed') return { kind: 'replay', status: held.response_status, body: held.response_body };
    throw new IdempotencyKeyInFlightError(held.wait ?? 1);
  }

  /** Whether the request being served holds an `Idempotency-Key` whose answer a transaction should store. */
  holdsClaim(): boolean {
    return heldClaims.getStore() !== undefined;
  }

  /**
   * Stores `body` as the answer of the request's key through the business transaction's `manager`, so the
   * answer commits with the write or not at all: a failure after the commit leaves a replay, not a second
   * run. Call it last in the transaction. A run whose claim lapsed and was taken over by a retry gets a 409
   * here, which rolls its write back: only the run that holds the key can commit. Without a key, nothing.
   */
  async complete(manager: EntityManager, body: unknown): Promise<void> {
    const claim = heldClaims.getStore();
    if (!claim) return;
    if (!(await this.store(manager, claim, body))) throw new IdempotencyKeyInFlightError(1);
    claim.stored = true;
  }

  /** After the handler: stores the answer unless its transaction already did (a route whose service stores none). */
  async finish(claim: HeldClaim, body: unknown): Promise<void> {
    if (claim.stored) return;
    if (!(await this.store(this.dataSource.manager, claim, body))) {
      this.logger.warn({ scope: claim.scope, key: claim.key }, 'idempotency claim was taken over before this request completed: its answer is not stored');
    }
  }

  /** Stores the answer; false when the claim was lost meanwhile (its lease lapsed and another run took it over). */
  store(manager: EntityManager, claim: HeldClaim, body: unknown): Promise<boolean> {
    return storeAnswer(manager, claim.scope, claim.key, claim.token, claim.status, body);
  }

  /** A request that failed leaves nothing behind (the same key may be sent again), unless its claim was taken over or its answer committed. */
  async release({ scope, key, token }: HeldClaim): Promise<void> {
    await releaseClaim(this.dataSource.manager, scope, key, token);
  }
}
