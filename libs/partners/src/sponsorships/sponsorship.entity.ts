import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

const money = { to: (value?: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** A sponsor funding a program for a period: what the sponsor's reports cover. */
@Entity()
@Index(['sponsorId', 'startsOn'])
@Index(['programId'])
export class SponsorshipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sponsorId: string;

  @Column({ type: 'uuid' })
  programId: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  /** In the library's currency; optional. */
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: money })
  amount: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
