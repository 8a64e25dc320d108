import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const MENTOR_ATTENDANCE_STATUSES = ['present', 'absent'] as const;
export type MentorAttendanceStatus = (typeof MENTOR_ATTENDANCE_STATUSES)[number];

/** Whether an assigned mentor came: their volunteer hours are the sessions they were present at. */
@Entity()
@Index(['mentorId', 'sessionId'])
export class MentorAttendanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid' })
  mentorId: string;

  @Column({ type: 'text' })
  status: MentorAttendanceStatus;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
