import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PROGRAM_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type ProgramLevel = (typeof PROGRAM_LEVELS)[number];
export const PROGRAM_STATUSES = ['draft', 'published', 'archived'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
/** What a freed seat does: go to the first in line at once, or be offered to them until a deadline. */
export const WAITLIST_MODES = ['promote', 'offer'] as const;
export type WaitlistMode = (typeof WAITLIST_MODES)[number];

const numeric = { to: (value?: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** A club term at a branch: who it is for, how many seats, when it runs and when teens may enroll. */
@Entity()
@Index(['status', 'startsOn'])
@Index(['branchId', 'startsOn'])
export class ProgramEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  branchId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text' })
  level: ProgramLevel;

  @Column({ type: 'int' })
  minAge: number;

  @Column({ type: 'int' })
  maxAge: number;

  @Column({ type: 'int' })
  capacity: number;

  /** Calendar dates in the branch's time zone (YYYY-MM-DD). */
  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'timestamptz', nullable: true })
  enrollmentOpensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  enrollmentClosesAt: Date | null;

  @Column({ type: 'boolean', default: true })
  waitlistEnabled: boolean;

  @Column({ type: 'text', default: 'promote' })
  waitlistMode: WaitlistMode;

  /** How long an offered seat waits for the teen's answer; set when waitlistMode is 'offer'. */
  @Column({ type: 'int', nullable: true })
  offerHours: number | null;

  /** Share of held sessions a teen must attend to complete the program. */
  @Column({ type: 'numeric', precision: 3, scale: 2, default: () => '0.75', transformer: numeric })
  completionThreshold: number;

  @Column({ type: 'text', default: 'draft' })
  status: ProgramStatus;

  /**
   * Seats taken and waitlist length, kept by the enrollment feature with guarded updates in the same
   * transaction as its rows (a check keeps enrolledCount ≤ capacity; a trigger checks they match the rows).
   */
  @Column({ type: 'int', default: 0 })
  enrolledCount: number;

  @Column({ type: 'int', default: 0 })
  waitlistedCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
