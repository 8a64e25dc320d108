import { type AppEnv, type AuditActor, AuditService, envConfig, type Page, type PageQueryDto, paginate, ProblemError, TransactionService, ValidationFailedError } from '@codeshelf/core';
import type { Principal } from '@codeshelf/identity';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { SponsorsPolicy } from '../sponsors/sponsors.policy';
import { SponsorsService } from '../sponsors/sponsors.service';
import { CreatedWebhookDto, CreateWebhookDto, WebhookDeliveryDto, WebhookDto } from './dto/webhook.dto';
import { WebhookDeliveryEntity, WebhookEndpointEntity, type WebhookEvent } from './webhook.entity';
import { WebhookResolver, webhookUrlProblem } from './webhook-url';

export class WebhookNotFoundError extends ProblemError {
  constructor(id: string) {
    super(404, 'webhook-not-found', 'Webhook not found', `No webhook ${id} of this sponsor.`);
  }
}

/** An endpoint a delivery goes to: where, and the secret it is signed with. */
export interface WebhookSubscriber {
  id: string;
  url: string;
  secret: string;
}

/** One attempt to deliver an event to an endpoint, as the sponsor's delivery log shows it. */
export type WebhookDeliveryAttempt = Pick<WebhookDeliveryEntity, 'endpointId' | 'messageId' | 'event' | 'ok' | 'responseStatus' | 'error'>;

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** Sponsors' webhook endpoints: registered by the sponsor's users (or an admin), with a per-endpoint secret. */
@Injectable()
export class WebhooksService {
  /** Loopback and private addresses, and plain http, only while developing and testing. */
  readonly allowsInternal: boolean;

  constructor(
    @Inject(envConfig.KEY) env: AppEnv,
    @InjectRepository(WebhookEndpointEntity) private readonly endpoints: Repository<WebhookEndpointEntity>,
    @InjectRepository(WebhookDeliveryEntity) private readonly deliveries: Repository<WebhookDeliveryEntity>,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly policy: SponsorsPolicy,
    private readonly sponsors: SponsorsService,
    private readonly resolver: WebhookResolver,
  ) {
    this.allowsInternal = env.NODE_ENV !== 'production';
  }

  async create(principal: Principal, sponsorId: string, dto: CreateWebhookDto, actor: AuditActor): Promise<CreatedWebhookDto> {
    this.policy.assertCanRead(principal, sponsorId);
    await this.sponsors.get(sponsorId);
    const problem = await webhookUrlProblem(dto.url, this.allowsInternal, this.resolver);
    if (problem) throw new ValidationFailedError([{ field: 'url', code: 'isWebhookUrl', message: problem }]);
    const secret = newSecret();
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(WebhookEndpointEntity);
      const endpoint = repository.create({ sponsorId, url: dto.url, events: dto.events, secret });
      await repository.insert(endpoint);
      await this.audit.record({ actor, action: 'webhook.created', entity: 'webhook', entityId: endpoint.id, changes: { sponsorId, url: dto.url, events: dto.events } }, manager);
      return { ...WebhookDto.from(await repository.findOneByOrFail({ id: endpoint.id })), secret };
    });
  }

  async list(principal: Principal, sponsorId: string): Promise<WebhookDto[]> {
    this.policy.assertCanRead(principal, sponsorId);
    return (await this.endpoints.find({ where: { sponsorId }, order: { createdAt: 'ASC' } })).map(WebhookDto.from);
  }

  async remove(principal: Principal, sponsorId: string, id: string, actor: AuditActor): Promise<void> {
    this.policy.assertCanRead(principal, sponsorId);
    await this.transactions.run(async (manager) => {
      const { affected } = await manager.getRepository(WebhookEndpointEntity).delete({ id, sponsorId });
      if (!affected) throw new WebhookNotFoundError(id);
      await this.audit.record({ actor, action: 'webhook.deleted', entity: 'webhook', entityId: id, changes: { sponsorId } }, manager);
    });
  }

  /** A new signing secret, in this answer only: every delivery signed from now on uses it, the old one no longer. */
  async rotateSecret(principal: Principal, sponsorId: string, id: string, actor: AuditActor): Promise<CreatedWebhookDto> {
    this.policy.assertCanRead(principal, sponsorId);
    const secret = newSecret();
    return this.transactions.run(async (manager) => {
      const repository = manager.getRepository(WebhookEndpointEntity);
      const { affected } = await repository.update({ id, sponsorId }, { secret });
      if (!affected) throw new WebhookNotFoundError(id);
      await this.audit.record({ actor, action: 'webhook.secret_rotated', entity: 'webhook', entityId: id, changes: { sponsorId } }, manager);
      return { ...WebhookDto.from(await repository.findOneByOrFail({ id })), secret };
    });
  }

  async deliveriesOf(principal: Principal, sponsorId: string, id: string, query: PageQueryDto): Promise<Page<WebhookDeliveryDto>> {
    this.policy.assertCanRead(principal, sponsorId);
    if (!(await this.endpoints.existsBy({ id, sponsorId }))) throw new WebhookNotFoundError(id);
    const page = await paginate(this.deliveries.createQueryBuilder('d').where('d.endpointId = :id', { id }), query, 'createdAt');
    return { items: page.items.map(WebhookDeliveryDto.from), nextCursor: page.nextCursor };
  }

  /** The endpoints of a sponsor that want an event, with their secrets: for the delivering worker only. */
  subscribers(sponsorId: string, event: WebhookEvent): Promise<WebhookSubscriber[]> {
    return this.endpoints
      .createQueryBuilder('w')
      .addSelect('w.secret')
      .where('w.sponsorId = :sponsorId AND :event = ANY(w.events)', { sponsorId, event })
      .orderBy('w.createdAt')
      .getMany();
  }

  async logDelivery(entry: WebhookDeliveryAttempt): Promise<void> {
    await this.deliveries.insert(entry);
  }
}
