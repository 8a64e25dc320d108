import { type AppEnv, claimDueMessages, type ClaimedOutboxMessage, envConfig, markMessageDone, markTryFailed, recordDeliveredPart, Scheduler } from '@codeshelf/core';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Composer } from './composer';
import { Mailer } from './mailer';
import { WebhookDispatcher } from './webhook-dispatcher';

const BACKOFF_BASE_SECONDS = 30;

/**
 * Delivers the outbox (sponsors' webhooks first, then the mails), a scheduled job every OUTBOX_POLL_MS: claims
 * due messages under a lease (any number of workers share the table without taking the same message; a dead
 * worker's claim lapses), delivers them, and marks each sent only after delivery. A failure waits 30 s, 60 s,
 * 120 s … before the next try; after OUTBOX_MAX_ATTEMPTS it is marked failed for an admin to retry. Each part
 * delivered is recorded, so a retry sends only what did not arrive; a part can go twice only when a worker dies
 * between sending it and recording it, and then under the same Message-ID (mail) or Codeshelf-Delivery id
 * (webhook), for the reader to drop.
 */
@Injectable()
export class OutboxRelay implements OnModuleInit {
  private readonly logger = new Logger('Outbox');

  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly dataSource: DataSource,
    private readonly scheduler: Scheduler,
    private readonly composer: Composer,
    private readonly mailer: Mailer,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'delivering the outbox', everyMs: this.env.OUTBOX_POLL_MS, run: () => this.deliverDue() });
  }

  /** One round: claims up to `limit` due messages and delivers them; answers how many it handled. */
  async deliverDue(limit = 20): Promise<number> {
    const claimed = await claimDueMessages(this.dataSource.manager, limit, this.env.OUTBOX_LEASE_SECONDS);
    for (const message of claimed) await this.deliver(message);
    return claimed.length;
  }

  /**
   * Delivers every part of a message (each webhook endpoint, each mail) that has not gone yet, recording each
   * part as it goes: a retry after one part failed resends only what did not arrive.
   */
  private async deliver(message: ClaimedOutboxMessage): Promise<void> {
    const db = this.dataSource.manager;
    const done = new Set(message.delivered);
    const failures: string[] = [];
    const part = async (key: string, send: () => Promise<unknown>) => {
      if (done.has(key)) return;
      try {
        await send();
        await recordDeliveredPart(db, message.id, key);
      } catch (error) {
        failures.push(String((error as Error).message ?? error));
      }
    };
    try {
      const endpoints = await this.webhooks.endpointsFor(message);
      for (const endpoint of endpoints) await part(`hook:${endpoint.id}`, () => this.webhooks.post(endpoint, message));
      const mails = await this.composer.compose(message);
      for (const mail of mails) await part(`mail:${mail.messageId}`, () => this.mailer.send(mail));
      if (failures.length) throw new Error(failures.join('; '));
      // Delivered: the consent link need not be kept in the clear any longer.
      await markMessageDone(db, message.id, mails.length || endpoints.length ? 'sent' : 'skipped');
    } catch (error) {
      const wait = BACKOFF_BASE_SECONDS * 2 ** (message.attempts - 1);
      await markTryFailed(db, message.id, String((error as Error).message ?? error).slice(0, 1000), wait, this.env.OUTBOX_MAX_ATTEMPTS);
      this.logger.warn({ messageId: message.id, topic: message.topic, attempt: message.attempts }, `delivery failed: ${(error as Error).message}`);
    }
  }
}
