import { AuditActor, AuditService, TransactionService } from '@codeshelf/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type EntityManager, IsNull, QueryFailedError, Repository } from 'typeorm';
import { ApiKeyNotFoundError, SponsorNotFoundError } from '../identity.errors';
import type { Principal } from '../principal';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

const KEY_FORMAT = /^csk_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;
const sha256 = (key: string) => createHash('sha256').update(key).digest();

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  /** Makes a key of 32 random bytes; only its hash is stored, so this is the one time it is seen. */
  create(sponsorId: string, name: string, actor: AuditActor): Promise<CreatedApiKeyDto> {
    return this.transactions.run((manager) => this.insertKey(manager, sponsorId, name, actor));
  }

  /**
   * Replaces a key by a new one of the same name in one transaction: the old key stops as the new one starts, and
   * of two rotations of one key only the first wins (the second finds it revoked: 404).
   */
  rotate(sponsorId: string, id: string, actor: AuditActor): Promise<CreatedApiKeyDto> {
    return this.transactions.run(async (manager) => {
      const result = await manager
        .getRepository(ApiKeyEntity)
        .createQueryBuilder()
        .update()
        .set({ revokedAt: () => 'now()' })
        .where('id = :id AND sponsor_id = :sponsorId AND revoked_at IS NULL', { id, sponsorId })
        .returning(['name'])
        .execute();
      const name = (result.raw as { name: string }[])[0]?.name;
      if (name === undefined) throw new ApiKeyNotFoundError(id);
      await this.audit.record({ actor, action: 'api_key.revoked', entity: 'api_key', entityId: id, changes: { sponsorId, rotated: true } }, manager);
      return this.insertKey(manager, sponsorId, name, actor);
    });
  }

  private async insertKey(manager: EntityManager, sponsorId: string, name: string, actor: AuditActor): Promise<CreatedApiKeyDto> {
    const prefix = randomBytes(6).toString('hex');
    const key = `csk_${prefix}_${randomBytes(32).toString('base64url')}`;
    const entity = manager.getRepository(ApiKeyEntity).create({ sponsorId, name, prefix, keyHash: sha256(key).toString('hex'), createdBy: actor.id });
    await manager
      .getRepository(ApiKeyEntity)
      .insert(entity)
      .catch((error: unknown) => {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503') throw new SponsorNotFoundError(sponsorId);
        throw error;
      });
    await this.audit.record({ actor, action: 'api_key.created', entity: 'api_key', entityId: entity.id, changes: { sponsorId, name, prefix } }, manager);
    return { ...ApiKeyDto.from(entity), key };
  }

  async list(sponsorId: string): Promise<ApiKeyDto[]> {
    const keys = await this.keys.find({ where: { sponsorId }, order: { createdAt: 'ASC' } });
    return keys.map(ApiKeyDto.from);
  }

  /** Revokes at once: the next request with the key is a 401. */
  revoke(sponsorId: string, id: string, actor: AuditActor): Promise<void> {
    return this.transactions.run(async (manager) => {
      const result = await manager.getRepository(ApiKeyEntity).update({ id, sponsorId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      if (!result.affected) {
        if (!(await manager.getRepository(ApiKeyEntity).existsBy({ id, sponsorId }))) throw new ApiKeyNotFoundError(id);
        return; // already revoked: revoking again changes nothing
      }
      await this.audit.record({ actor, action: 'api_key.revoked', entity: 'api_key', entityId: id, changes: { sponsorId } }, manager);
    });
  }

  async authenticate(key: string): Promise<Principal | null> {
    const prefix = KEY_FORMAT.exec(key)?.[1];
    if (!prefix) return null;
    const found = await this.keys.findOneBy({ prefix, revokedAt: IsNull() });
    if (!found || !timingSafeEqual(Buffer.from(found.keyHash, 'hex'), sha256(key))) return null;
    // At most one write a minute per key, not one per request.
    await this.keys
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()' })
      .where('id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval \'1 minute\')', { id: found.id })
      .execute();
    return { kind: 'api-key', id: found.id, role: 'sponsor', displayName: found.name, branchIds: [], sponsorId: found.sponsorId };
  }
}
