import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const APPLICATION_STATUSES = ['submitted', 'shortlisted', 'offered', 'accepted', 'declined', 'rejected', 'withdrawn', 'completed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A teen's application to an internship: one per teen and internship (a unique index). */
@Entity()
@Index(['participantId', 'createdAt'])
@Index(['internshipId', 'createdAt'])
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  internshipId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'text' })
  statement: string;

  /** Whether the sponsor may see who the teen is; if not, a pseudonym. */
  @Column({ type: 'boolean' })
  shareProfile: boolean;

  @Column({ type: 'text', default: 'submitted' })
  status: ApplicationStatus;

  /** The outcome, once completed. */
  @Column({ type: 'boolean', nullable: true })
  hired: boolean | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
