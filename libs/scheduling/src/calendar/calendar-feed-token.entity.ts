import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A user's secret for their personal calendar feed: calendar apps cannot send a bearer token, so the
 * feed URL carries this one. Only its SHA-256 is kept; rotating replaces it.
 */
@Entity()
export class CalendarFeedTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
