import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_METHODS = ['roll_call', 'self_check_in'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

/** Whether a teen came to a session: one row per teen and session, corrected in place (the audit trail keeps the history). */
@Entity()
@Index(['participantId', 'sessionId'])
export class AttendanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'text' })
  status: AttendanceStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  method: AttendanceMethod;

  /** When the teen checked in themself. */
  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  /** The user who recorded it last (a mentor or coordinator, or the teen by check-in). */
  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
