import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An adult volunteer: their login, and the sponsor that employs them, if any (their hours count for it). */
@Entity()
export class MentorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'uuid', nullable: true })
  employerSponsorId: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  skills: string[];

  @Column({ type: 'text', default: '' })
  bio: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
