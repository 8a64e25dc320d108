import { ValidationFailedError } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { UpdateOwnParticipantDto, UpdateParticipantDto } from './participants/dto/update-participant.dto';
import { ParticipantPlaces } from './participants/participant-places';
import { ParticipantEntity } from './participants/participant.entity';
import { BranchNotYoursError, ParticipantNotFoundError } from './people.errors';
import { ofBranchesSql } from './queries/reach';

/**
 * Who may see and change which participant: the one place that decides whether a staff member acts on a
 * teen, for every feature. An admin acts on every teen, a coordinator on the teens of their branches (see
 * ofBranchesSql), a teen only on themself. @Roles keeps mentors and sponsors off the routes. Anyone else's
 * teen is the 404 an unknown id gets, with nothing in it.
 */
@Injectable()
export class ParticipantsPolicy {
  constructor(private readonly places: ParticipantPlaces) {}

  /** SQL: whether the teen `participantId` (an SQL expression) is one of the teens of the branches `:<param>` (see ofBranchesSql in queries/reach). */
  ofBranchesSql(participantId: string, param: string): string {
    return ofBranchesSql(this.places.branches(), participantId, param);
  }

  isSelf(principal: Principal, participant: ParticipantEntity): boolean {
    return principal.kind === 'user' && participant.userId === principal.id;
  }

  /** Narrows a query over participants `p` to those the principal acts on as staff, and to themself when `self`. */
  narrow<T extends object>(qb: SelectQueryBuilder<T>, principal: Principal, { self }: { self: boolean }): SelectQueryBuilder<T> {
    if (principal.role === 'admin') return qb;
    const branchIds = principal.role === 'coordinator' ? principal.branchIds : [];
    const own = self && principal.kind === 'user' ? ' OR p.userId = :reachSelf' : '';
    return qb.andWhere(`(${this.ofBranchesSql('p.id', 'reachBranchIds')}${own})`, { reachBranchIds: branchIds, reachSelf: principal.id });
  }

  /**
   * The teen, not erased, if the principal acts on them (the teen themself only with `self`: consent is staff
   * business), else ParticipantNotFoundError. With `lock`, the row is locked for the caller's transaction.
   */
  async find(manager: EntityManager, principal: Principal, id: string, { self, lock = false }: { self: boolean; lock?: boolean }): Promise<ParticipantEntity> {
    const qb = manager.getRepository(ParticipantEntity).createQueryBuilder('p').where('p.id = :id AND p.erasedAt IS NULL', { id });
    if (lock) qb.setLock('pessimistic_write');
    const participant = await this.narrow(qb, principal, { self }).getOne();
    if (!participant) throw new ParticipantNotFoundError(id);
    return participant;
  }

  /** Which of `ids` the principal acts on as staff (not erased). */
  async actsOn(manager: EntityManager, principal: Principal, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const qb = manager.getRepository(ParticipantEntity).createQueryBuilder('p').select('p.id', 'id').where('p.id = ANY(CAST(:ids AS uuid[])) AND p.erasedAt IS NULL', { ids });
    const rows: { id: string }[] = await this.narrow(qb, principal, { self: false }).getRawMany();
    return new Set(rows.map((r) => r.id));
  }

  /** The home branch a new or moved participant gets: a coordinator must name one of theirs. */
  assertCanPlaceAt(principal: Principal, homeBranchId: string | null | undefined): void {
    if (principal.role === 'admin') return;
    if (homeBranchId === undefined) {
      throw new ValidationFailedError([{ field: 'homeBranchId', code: 'isDefined', message: 'homeBranchId is required: one of the branches you coordinate' }]);
    }
    if (principal.role !== 'coordinator' || homeBranchId === null || !principal.branchIds.includes(homeBranchId)) throw new BranchNotYoursError();
  }

  /**
   * A new home for a teen: a coordinator moves them from one of their branches (or from none) to another of
   * theirs; a teen they reach through a place in a program stays their home branch's.
   */
  assertCanMove(principal: Principal, from: string | null, to: string | null): void {
    if (principal.role === 'coordinator' && from !== null && !principal.branchIds.includes(from)) throw new BranchNotYoursError();
    this.assertCanPlaceAt(principal, to);
  }

  /** The body a PATCH is checked against: a teen changing themself gets the narrow one. */
  updateDtoFor(principal: Principal): typeof UpdateOwnParticipantDto | typeof UpdateParticipantDto {
    return principal.role === 'participant' ? UpdateOwnParticipantDto : UpdateParticipantDto;
  }
}
