import { ValidationFailedError } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Injectable } from '@nestjs/common';
import { UpdateOwnParticipantDto, UpdateParticipantDto } from './participants/dto/update-participant.dto';
import type { ParticipantEntity } from './participants/participant.entity';
import { BranchNotYoursError, ParticipantNotFoundError } from './people.errors';

/** Which participants the caller's list covers: every one, or those of some home branches. */
export type ParticipantScope = { all: true } | { all: false; branchIds: string[] };

/**
 * Who may see and change which participant. @Roles on the routes keeps mentors and sponsors out; this
 * decides ownership: an admin reaches every participant, a coordinator those of their branches, a teen
 * only themself. Another owner's participant is a 404, as if it did not exist.
 */
@Injectable()
export class ParticipantsPolicy {
  scopeOf(principal: Principal): ParticipantScope {
    return principal.role === 'admin' ? { all: true } : { all: false, branchIds: principal.role === 'coordinator' ? principal.branchIds : [] };
  }

  isSelf(principal: Principal, participant: ParticipantEntity): boolean {
    return principal.kind === 'user' && participant.userId === principal.id;
  }

  /** Reading or changing the record: admin, the coordinator of its home branch, or the teen themself. */
  assertCanAccess(principal: Principal, participant: ParticipantEntity): void {
    if (principal.role === 'admin' || this.isSelf(principal, participant)) return;
    if (principal.role === 'coordinator' && this.coordinates(principal, participant.homeBranchId)) return;
    throw new ParticipantNotFoundError(participant.id);
  }

  /** Consent and guardian details are staff business; the teen never records their own consent. */
  assertCanManage(principal: Principal, participant: ParticipantEntity): void {
    if (principal.role === 'admin') return;
    if (principal.role === 'coordinator' && this.coordinates(principal, participant.homeBranchId)) return;
    throw new ParticipantNotFoundError(participant.id);
  }

  /** The home branch a new or moved participant gets: a coordinator must name one of theirs. */
  assertCanPlaceAt(principal: Principal, homeBranchId: string | null | undefined): void {
    if (principal.role === 'admin') return;
    if (homeBranchId === undefined) {
      throw new ValidationFailedError([{ field: 'homeBranchId', message: 'homeBranchId is required: one of the branches you coordinate' }]);
    }
    if (!this.coordinates(principal, homeBranchId)) throw new BranchNotYoursError();
  }

  /** The body a PATCH is checked against: a teen changing themself gets the narrow one. */
  updateDtoFor(principal: Principal): typeof UpdateOwnParticipantDto | typeof UpdateParticipantDto {
    return principal.role === 'participant' ? UpdateOwnParticipantDto : UpdateParticipantDto;
  }

  private coordinates(principal: Principal, branchId: string | null): boolean {
    return principal.role === 'coordinator' && branchId !== null && principal.branchIds.includes(branchId);
  }
}
