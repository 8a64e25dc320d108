import { Column, CreateDateColumn, Entity, Generated, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A company that funds clubs and offers internships. */
@Entity()
export class SponsorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ type: 'text', nullable: true })
  contactName: string | null;

  @Column({ type: 'text', nullable: true })
  logoUrl: string | null;

  /**
   * Random per sponsor (a v4 UUID: 122 random bits), never shown: applicants who keep their profile private appear to this sponsor
   * under HMAC(salt, participant) — stable for the sponsor, different for every other, not reversible.
   */
  @Column({ type: 'uuid', select: false })
  @Generated('uuid')
  pseudonymSalt: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
