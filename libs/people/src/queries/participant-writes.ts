import { EntityManager, QueryFailedError } from 'typeorm';
import { ParticipantNotFoundError, UnknownBranchError } from '../people.errors';
import { ParticipantEntity } from '../participants/participant.entity';

/** A participant that has not been erased, locked for the rest of the transaction. */
export async function lockParticipant(manager: EntityManager, id: string): Promise<ParticipantEntity> {
  const participant = await manager
    .getRepository(ParticipantEntity)
    .createQueryBuilder('p')
    .setLock('pessimistic_write')
    .where('p.id = :id AND p.erasedAt IS NULL', { id })
    .getOne();
  if (!participant) throw new ParticipantNotFoundError(id);
  return participant;
}

/** Turns the database's refusal of a home branch into a 422 naming the field. */
export function mapParticipantWriteError(error: unknown): never {
  if (error instanceof QueryFailedError) {
    const { code, constraint } = error.driverError as { code?: string; constraint?: string };
    if (code === '23503' && constraint === 'participant_home_branch_fk') throw new UnknownBranchError();
  }
  throw error;
}
