import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ENROLLMENT_STATUSES = ['waitlisted', 'offered', 'enrolled', 'withdrawn', 'completed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** The statuses of an active enrollment: one per teen and program (rule 3). */
export const ACTIVE_STATUSES: readonly EnrollmentStatus[] = ['enrolled', 'offered', 'waitlisted'];
/** Who asked: the teen themself, or a coordinator on their behalf. */
export const ENROLLMENT_SOURCES = ['self', 'coordinator'] as const;
export type EnrollmentSource = (typeof ENROLLMENT_SOURCES)[number];

/**
 * A teen's place in a program: a seat (`enrolled`), a seat offered until a deadline (`offered`: it holds the
 * seat, in a program whose waitlist offers), or a place in its FIFO waitlist. One active (waitlisted, offered
 * or enrolled) enrollment per teen and program, and waitlist positions 1..n without gaps, are kept by the
 * database (see the CreateEnrollments and CreateWaitlistOffers migrations).
 */
@Entity()
@Index(['participantId', 'createdAt'])
@Index(['programId', 'status', 'waitlistPosition'])
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'text' })
  status: EnrollmentStatus;

  /** 1 is next in line; null unless waitlisted. */
  @Column({ type: 'int', nullable: true })
  waitlistPosition: number | null;

  @Column({ type: 'text' })
  source: EnrollmentSource;

  /** When the teen got a seat (on enrolling, or on promotion from the waitlist). */
  @Column({ type: 'timestamptz', nullable: true })
  enrolledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  /** Until when an offered seat waits for the teen's answer; null unless offered. */
  @Column({ type: 'timestamptz', nullable: true })
  offerExpiresAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
