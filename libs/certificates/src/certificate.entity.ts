import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A certificate of completion (rule 7) of one teen in one program. It stores no name: the PDF and the public
 * verification read the teen's name when asked, so an erased teen's certificate names nobody. `code` is the
 * unguessable part of the public verification URL. Revoked by staff (`revokedAt`, with a reason), or
 * withdrawn by the teen's erasure (`erasedAt`); either way it is no longer shown as genuine.
 */
@Entity()
@Unique('certificate_once_per_program', ['programId', 'participantId'])
@Index('certificate_code', ['code'], { unique: true })
@Index('certificate_participant', ['participantId'])
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  /** 144 random bits, base64url (24 characters). */
  @Column({ type: 'text' })
  code: string;

  /** Hours of the sessions the teen was present or late at, when it was issued. */
  @Column({ type: 'numeric', precision: 7, scale: 2 })
  hoursAttended: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  /** The user who issued it. */
  @Column({ type: 'uuid', nullable: true })
  issuedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  revokedReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy: string | null;

  /** When the teen was erased (rule 10): the row stays, counted, naming nobody. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;
}
