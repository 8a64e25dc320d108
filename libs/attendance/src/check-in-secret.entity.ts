import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The per-session key the rotating check-in codes derive from; made when staff first ask for a code. */
@Entity()
export class CheckInSecretEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  /** 20 random bytes, hex. */
  @Column({ type: 'text' })
  secret: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * Codes a teen tried for one session in the current 10-minute window, counted before each is checked so
 * parallel guesses cannot slip past the limit; a successful check-in clears it.
 */
@Entity()
export class CheckInAttemptEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt: Date;
}
