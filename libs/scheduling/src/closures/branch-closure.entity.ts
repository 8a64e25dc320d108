import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A day a branch is closed: series skip it and say so. */
@Entity()
@Index(['branchId', 'date'], { unique: true })
export class BranchClosureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  branchId: string;

  /** A calendar date in the branch's time zone (YYYY-MM-DD). */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
