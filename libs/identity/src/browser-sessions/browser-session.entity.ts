import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A browser sign-in. The cookie holds a random id; only its SHA-256 is kept, so the table signs nobody in. */
@Entity()
export class BrowserSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set by signing out: the cookie stops working even if a copy of it survives in some browser. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
