import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * One meeting of a program. A room never hosts two overlapping scheduled sessions: an exclusion
 * constraint in the migration (session_room_no_overlap) holds that under any concurrency.
 */
@Entity()
@Index(['programId', 'startsAt'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @Column({ type: 'uuid', nullable: true })
  seriesId: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'uuid', nullable: true })
  roomId: string | null;

  @Column({ type: 'text', default: '' })
  topic: string;

  @Column({ type: 'text', default: 'scheduled' })
  status: SessionStatus;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  /** Bumped on every change, for calendar clients (iCalendar SEQUENCE). */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
