import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type IdempotencyState = 'in_flight' | 'completed';

/**
 * One `Idempotency-Key` a principal sent: claimed while its request runs, then holding the answer that
 * every replay gets until it expires.
 */
@Entity()
@Index(['expiresAt'])
export class IdempotencyKeyEntity {
  /** Whose key it is (`user:<id>` or `api-key:<id>`): two principals never share a key. */
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'text', default: 'in_flight' })
  state: IdempotencyState;

  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: unknown;

  /** Which run holds the claim: a run that lost it (its lease lapsed, another took over) can neither complete nor release it. */
  @Column({ type: 'uuid', nullable: true })
  claimToken: string | null;

  /** While in flight: when the claim counts as abandoned (the process died) and may be taken over. */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
