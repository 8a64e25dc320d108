import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const CONSENT_STATUSES = ['pending', 'granted', 'revoked'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** The languages a guardian is written to: the consent mail and the consent page. */
export const GUARDIAN_LANGUAGES = ['en', 'es'] as const;
export type GuardianLanguage = (typeof GUARDIAN_LANGUAGES)[number];

/**
 * A teen in the clubs. Minors need a guardian's consent before they take part; the guardian has no
 * account and answers through a one-time link. `userId` is the teen's own login, when they signed up.
 */
@Entity()
@Index(['homeBranchId', 'createdAt'])
// lower(last_name), lower(first_name) of teens not erased: how a roster import finds a teen already known.
@Index('participant_known_key', { synchronize: false })
export class ParticipantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  /**
   * `YYYY-MM-DD`, as PostgreSQL's `date`. NULL only once erased, and every read of a participant skips
   * erased ones, so code that loads a participant always has one.
   */
  @Column({ type: 'date', nullable: true })
  birthDate: string;

  @Column({ type: 'text', nullable: true })
  school: string | null;

  @Column({ type: 'int', nullable: true })
  grade: number | null;

  /**
   * The partner school whose roster brought the teen in (set by a roster import). Reports break teens down
   * by it, so erasure keeps it, as it keeps the age band.
   */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  schoolId: string | null;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  /** Null for a teen who signed up as an adult: nobody consents for them. */
  @Column({ type: 'text', nullable: true })
  guardianName: string | null;

  @Column({ type: 'text', nullable: true })
  guardianEmail: string | null;

  @Column({ type: 'text', nullable: true })
  guardianPhone: string | null;

  @Column({ type: 'text', default: 'en' })
  guardianLanguage: GuardianLanguage;

  @Column({ type: 'text', default: 'pending' })
  consentStatus: ConsentStatus;

  @Column({ type: 'timestamptz', nullable: true })
  consentGrantedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  mediaConsent: boolean;

  /** Self-reported, free text; once erased, only its report group (see genderGroupSql). */
  @Column({ type: 'text', nullable: true })
  gender: string | null;

  @Column({ type: 'text', nullable: true })
  postalCode: string | null;

  @Column({ type: 'uuid', nullable: true })
  homeBranchId: string | null;

  @Index({ unique: true })
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  /** Set by erasure: the age band the reports show, per program id, in place of the birth date. */
  @Column({ type: 'jsonb', nullable: true })
  erasedAgeBands: Record<string, string> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
