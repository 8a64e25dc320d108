import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const CLEARANCE_KINDS = ['background_check'] as const;
export const CLEARANCE_STATUSES = ['pending', 'cleared', 'rejected'] as const;
export type ClearanceStatus = (typeof CLEARANCE_STATUSES)[number];

/** A check a mentor passed (or not), valid between two dates. */
@Entity()
@Index(['mentorId', 'expiresOn'])
export class MentorClearanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  mentorId: string;

  @Column({ type: 'text' })
  kind: (typeof CLEARANCE_KINDS)[number];

  @Column({ type: 'text' })
  status: ClearanceStatus;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date' })
  expiresOn: string;

  @Column({ type: 'uuid', nullable: true })
  verifiedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
