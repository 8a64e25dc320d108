import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../principal';

// "user" is a reserved word in PostgreSQL.
@Entity('user_account')
// Case-insensitive uniqueness lives in the migration (an index on lower(email)); TypeORM cannot express it.
@Index('user_account_email_lower_key', { synchronize: false })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** The sponsor a sponsor user belongs to (required for that role, forbidden for the others). */
  @Column({ type: 'uuid', nullable: true })
  sponsorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
