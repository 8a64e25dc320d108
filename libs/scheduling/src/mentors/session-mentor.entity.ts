import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const MENTOR_ROLES = ['lead', 'assistant'] as const;
export type MentorRole = (typeof MENTOR_ROLES)[number];

/**
 * A mentor assigned to a session. The session's times are copied here so that an exclusion constraint
 * (session_mentor_no_overlap) keeps a mentor out of two overlapping sessions under any concurrency.
 */
@Entity()
export class SessionMentorEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid' })
  mentorId: string;

  @Column({ type: 'text' })
  role: MentorRole;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** False once the session is cancelled: the mentor is free again at that time. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
