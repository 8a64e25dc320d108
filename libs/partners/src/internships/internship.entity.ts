import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const INTERNSHIP_STATUSES = ['draft', 'open', 'closed'] as const;
export type InternshipStatus = (typeof INTERNSHIP_STATUSES)[number];

const rate = { to: (value?: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** An internship a sponsor offers the teens. Offers made never exceed its slots (a CHECK on `offered_count`). */
@Entity()
@Index(['status', 'closesAt'])
@Index(['sponsorId', 'createdAt'])
export class InternshipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sponsorId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', default: '' })
  location: string;

  @Column({ type: 'boolean', default: false })
  remote: boolean;

  @Column({ type: 'int' })
  slots: number;

  @Column({ type: 'int', nullable: true })
  minAge: number | null;

  /** Share of held sessions attended, over all the teen's programs (0..1). */
  @Column({ type: 'numeric', precision: 3, scale: 2, nullable: true, transformer: rate })
  minAttendanceRate: number | null;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  @Column({ type: 'text', default: 'draft' })
  status: InternshipStatus;

  /** Applications holding an offer (offered, accepted, completed). */
  @Column({ type: 'int', default: 0 })
  offeredCount: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
