import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A minor a roster import asked to enroll in a program, waiting for their guardian's consent (rule 3): the
 * consent's own transaction enrolls them (PendingEnrollments), or drops the request when they no longer may.
 */
@Entity()
@Index(['participantId', 'programId'], { unique: true })
export class PendingEnrollmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  /** The coordinator or admin who imported the roster. */
  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
