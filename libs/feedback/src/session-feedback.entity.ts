import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** The longest comment a teen may leave. */
export const MAX_COMMENT_LENGTH = 1000;

/**
 * A teen's rating (1–5) of a session they held a seat at, and an optional comment: one per teen and session,
 * never changed. Staff read it without the teen's name; when the teen is erased the comment goes, the rating stays.
 */
@Entity()
@Unique('session_feedback_once', ['sessionId', 'participantId'])
@Index(['participantId'])
export class SessionFeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'smallint' })
  rating: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
