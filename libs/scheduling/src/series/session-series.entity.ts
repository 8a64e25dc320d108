import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A recurrence that made a program's sessions: the rule and the local wall-clock time it keeps. */
@Entity()
export class SessionSeriesEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @Column({ type: 'text' })
  rrule: string;

  /** Local start, HH:MM in the branch's time zone. */
  @Column({ type: 'text' })
  startTime: string;

  @Column({ type: 'int' })
  durationMinutes: number;

  @Column({ type: 'uuid', nullable: true })
  roomId: string | null;

  @Column({ type: 'date', nullable: true })
  until: string | null;

  @Column({ type: 'int', nullable: true })
  count: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
