import { type AppEnv, type AuditActor, AuditService, envConfig, TransactionService } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { RatesService } from '@codeshelf/attendance';
import { programSponsorNames } from '@codeshelf/partners';
import { ErasureEvents, lastInitial, ParticipantsService } from '@codeshelf/people';
import { type ProgramAtBranch, ProgramNotFoundError, programsAtBranches, SchedulingPolicy } from '@codeshelf/scheduling';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { renderCertificate } from './certificate-pdf';
import { CertificateEntity } from './certificate.entity';
import { CertificateErasedError, CertificateNotFoundError, CertificateNotGenuineError, CertificateRevokedError, ProgramNotEndedError } from './certificates.errors';
import { type CertificateDto, type CertificateLanguage, type CertificateListDto, type IssueResultDto, RevokeCertificateDto, type VerificationDto } from './dto/certificate.dto';
import { attendedHours, issueCertificates } from './queries/issuance';

/** 18 random bytes in base64url: 144 bits, 24 characters. Anything else is no code Codeshelf made. */
export const CERTIFICATE_CODE = /^[A-Za-z0-9_-]{24}$/;
const newCode = () => randomBytes(18).toString('base64url');

/**
 * Certificates of completion: issued for a whole program once it has ended, to every teen who completed it
 * (rule 7, as attendance decides it); made into a PDF on request; verified in public by their code.
 */
@Injectable()
export class CertificatesService implements OnModuleInit {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    @InjectRepository(CertificateEntity) private readonly certificates: Repository<CertificateEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly rates: RatesService,
    private readonly scheduling: SchedulingPolicy,
    private readonly participants: ParticipantsService,
    private readonly erasureEvents: ErasureEvents,
  ) {}

  onModuleInit(): void {
    // The row stays (reports count it, rule 10); it stops naming anyone and is no longer shown as genuine.
    this.erasureEvents.onErasing((manager, participantId) =>
      manager.getRepository(CertificateEntity).update({ participantId, erasedAt: IsNull() }, { erasedAt: new Date() }).then(() => undefined),
    );
  }

  /** Issues a certificate to each teen who completed the ended program and has none yet: one transaction, audited; a repeat issues none. */
  async issue(principal: Principal, programId: string, actor: AuditActor): Promise<IssueResultDto> {
    const program = await this.staffProgram(principal, programId);
    if (!program.ended) throw new ProgramNotEndedError(program.endsOn);
    return this.transactions.run(async (tx) => {
      const seats = await this.rates.seats(tx, programId);
      // An erased teen has nobody to give a certificate to.
      const named = new Map((await this.participants.namesOf(seats.map((s) => s.participantId))).map((p) => [p.id, p]));
      const completed = seats.filter((s) => s.completion === 'completed' && named.has(s.participantId)).map((s) => s.participantId);
      const hours = await attendedHours(tx, programId, completed);
      const issued = await issueCertificates(tx, programId, completed.map((participantId) => ({ participantId, code: newCode(), hoursAttended: hours.get(participantId) ?? 0 })), actor.id);
      if (issued.length) {
        await this.audit.record(
          { actor, action: 'certificate.issued', entity: 'program', entityId: programId, changes: { participantIds: issued.map((c) => c.participantId) } },
          tx,
        );
      }
      return {
        issued: issued.length,
        alreadyIssued: completed.length - issued.length,
        notCompleted: named.size - completed.length,
        items: issued.map((c) => this.dto(c, program, named.get(c.participantId))),
      };
    });
  }

  /** The program's certificates, for its staff (names shown: audited). */
  async ofProgram(principal: Principal, programId: string, actor: AuditActor): Promise<CertificateListDto> {
    const program = await this.staffProgram(principal, programId);
    const rows = await this.certificates.find({ where: { programId }, order: { issuedAt: 'ASC', id: 'ASC' } });
    const named = new Map((await this.participants.namesOf(rows.map((r) => r.participantId))).map((p) => [p.id, p]));
    if (named.size) await this.audit.record({ actor, action: 'participant.viewed', entity: 'participant', changes: { via: 'certificates:program', programId, ids: [...named.keys()] } });
    return { items: rows.map((r) => this.dto(r, program, named.get(r.participantId))) };
  }

  /** The signed-in teen's own certificates. */
  async mine(principal: Principal): Promise<CertificateListDto> {
    const teen = await this.participants.findByUser(principal.id);
    if (!teen) return { items: [] };
    const rows = await this.certificates.find({ where: { participantId: teen.id, erasedAt: IsNull() }, order: { issuedAt: 'DESC', id: 'ASC' } });
    const programs = new Map((await programsAtBranches(this.certificates.manager, rows.map((r) => r.programId))).map((p) => [p.id, p]));
    return { items: rows.map((r) => this.dto(r, programs.get(r.programId)!, teen)) };
  }

  /** Revokes a certificate (staff of its program's branch): it stays listed, the public page says revoked. */
  async revoke(principal: Principal, id: string, dto: RevokeCertificateDto, actor: AuditActor): Promise<CertificateDto> {
    const { certificate, program } = await this.staffCertificate(principal, id);
    return this.transactions.run(async (tx) => {
      const revokedAt = new Date();
      const { affected } = await tx.getRepository(CertificateEntity).update({ id, revokedAt: IsNull() }, { revokedAt, revokedReason: dto.reason, revokedBy: actor.id });
      if (!affected) throw new CertificateRevokedError((await tx.getRepository(CertificateEntity).findOneByOrFail({ id })).revokedAt!);
      await this.audit.record({ actor, action: 'certificate.revoked', entity: 'certificate', entityId: id, changes: { reason: dto.reason } }, tx);
      const [name] = await this.participants.namesOf([certificate.participantId]);
      return this.dto({ ...certificate, revokedAt, revokedReason: dto.reason }, program, name);
    });
  }

  /** The certificate as a PDF: for its teen and the staff of its program's branch (audited); not for a revoked or erased one. */
  async pdf(principal: Principal, id: string, language: CertificateLanguage, actor: AuditActor): Promise<{ pdf: Buffer; filename: string }> {
    const { certificate, program } = principal.role === 'participant' ? await this.ownCertificate(principal, id) : await this.staffCertificate(principal, id);
    if (certificate.erasedAt) throw new CertificateErasedError();
    if (certificate.revokedAt) throw new CertificateRevokedError(certificate.revokedAt);
    const [teen] = await this.participants.namesOf([certificate.participantId]);
    if (!teen) throw new CertificateErasedError();
    if (principal.role !== 'participant') {
      await this.audit.record({ actor, action: 'participant.viewed', entity: 'participant', entityId: teen.id, changes: { via: 'certificates:pdf', certificateId: id } });
    }
    const pdf = await renderCertificate({
      teenName: `${teen.firstName} ${teen.lastName}`,
      programTitle: program.title,
      branchName: program.branchName,
      startsOn: program.startsOn,
      endsOn: program.endsOn,
      hoursAttended: Number(certificate.hoursAttended),
      libraryName: this.env.LIBRARY_NAME,
      sponsorNames: await programSponsorNames(this.certificates.manager, program.id),
      issuedAt: certificate.issuedAt,
      timezone: program.timezone,
      verificationUrl: this.verificationUrl(certificate.code),
      language,
    });
    const slug = program.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return { pdf, filename: `certificate-${slug || 'program'}.pdf` };
  }

  /** What anyone holding the code may learn: genuine with first name, last initial, program and day; or revoked/erased with no name. */
  async verify(code: string): Promise<VerificationDto> {
    const certificate = CERTIFICATE_CODE.test(code) ? await this.certificates.findOneBy({ code }) : null;
    if (!certificate) throw new CertificateNotGenuineError();
    const [program] = await programsAtBranches(this.certificates.manager, [certificate.programId]);
    const localDay = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: program.timezone });
    const [teen] = certificate.erasedAt ? [] : await this.participants.namesOf([certificate.participantId]);
    if (!teen) return { genuine: false, status: 'erased' };
    if (certificate.revokedAt) return { genuine: false, status: 'revoked', revokedOn: localDay(certificate.revokedAt) };
    return { genuine: true, status: 'valid', firstName: teen.firstName, lastInitial: lastInitial(teen.lastName), programTitle: program.title, issuedOn: localDay(certificate.issuedAt) };
  }

  private verificationUrl(code: string): string {
    return `${this.env.PUBLIC_URL.replace(/\/+$/, '')}/certificates/verify/${code}`;
  }

  private dto(c: Omit<CertificateEntity, 'revokedBy' | 'issuedBy'>, program: ProgramAtBranch, teen?: { firstName: string; lastName: string }): CertificateDto {
    return {
      id: c.id,
      programId: c.programId,
      programTitle: program.title,
      participantId: c.participantId,
      firstName: teen?.firstName ?? 'Erased',
      lastName: teen?.lastName ?? '',
      hoursAttended: Number(c.hoursAttended),
      issuedAt: c.issuedAt,
      status: c.erasedAt || !teen ? 'erased' : c.revokedAt ? 'revoked' : 'valid',
      revokedAt: c.revokedAt,
      revokedReason: c.revokedReason,
      verificationUrl: this.verificationUrl(c.code),
    };
  }

  /** The program if the principal runs its branch (any other caller: as scheduling answers, 404 or 403). */
  private async staffProgram(principal: Principal, programId: string): Promise<ProgramAtBranch> {
    const [program] = await programsAtBranches(this.certificates.manager, [programId]);
    if (!program) throw new ProgramNotFoundError(programId);
    this.scheduling.assertCanReadProgram(principal, program);
    this.scheduling.assertCanChangeBranch(principal, program.branchId);
    return program;
  }

  /** A certificate of a program at a branch the principal runs; any other is a 404, like one that does not exist. */
  private async staffCertificate(principal: Principal, id: string) {
    const certificate = await this.certificates.findOneBy({ id });
    const [program] = certificate ? await programsAtBranches(this.certificates.manager, [certificate.programId]) : [];
    if (!certificate || !program || !this.scheduling.runsBranch(principal, program.branchId)) throw new CertificateNotFoundError(id);
    return { certificate, program };
  }

  /** The signed-in teen's own certificate; anyone else's is a 404. */
  private async ownCertificate(principal: Principal, id: string) {
    const teen = await this.participants.findByUser(principal.id);
    const certificate = teen ? await this.certificates.findOneBy({ id, participantId: teen.id }) : null;
    const [program] = certificate ? await programsAtBranches(this.certificates.manager, [certificate.programId]) : [];
    if (!certificate || !program) throw new CertificateNotFoundError(id);
    return { certificate, program };
  }
}
