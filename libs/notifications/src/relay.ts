import { type AppEnv, envConfig, IdempotencyService } from '@codeshelf/core';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Composer, type OutboxRow } from './composer';
import { Mailer } from './mailer';
import { WebhookDispatcher } from './webhook-dispatcher';

const BACKOFF_BASE_SECONDS = 30;
/** How often a polling worker also sweeps expired idempotency keys. */
const SWEEP_EVERY_MS = 60_000;

type ClaimedRow = OutboxRow & { attempts: number; delivered: string[]; createdAt: Date };

/**
 * Delivers the outbox (sponsors' webhooks first, then the mails): claims due messages with FOR UPDATE SKIP LOCKED under a lease (any number of
 * workers share the table without taking the same message; a dead worker's claim lapses), mails them, and
 * marks each sent only after delivery. A failure waits 30 s, 60 s, 120 s … before the next try; after
 * OUTBOX_MAX_ATTEMPTS it is marked failed for an admin to retry. Each part delivered is recorded, so a retry
 * sends only what did not arrive; a part can go twice only when a worker dies between sending it and recording
 * it, and then under the same Message-ID (mail) or Codeshelf-Delivery id (webhook), for the reader to drop.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private round: Promise<unknown> = Promise.resolve();
  private sweptAt = 0;

  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly dataSource: DataSource,
    private readonly composer: Composer,
    private readonly mailer: Mailer,
    private readonly webhooks: WebhookDispatcher,
    private readonly idempotency: IdempotencyService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.WORKER_IN_PROCESS) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  /** Polls until the application stops. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.logger.log(`delivering the outbox every ${this.env.OUTBOX_POLL_MS} ms`);
    const tick = () => {
      this.round = this.housekeeping()
        .then(() => this.deliverDue())
        .catch((error: unknown) => this.logger.error({ err: error }, 'outbox round failed'));
      void this.round.then(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.env.OUTBOX_POLL_MS);
      });
    };
    tick();
  }

  /** The worker's other chore, at most once a minute: idempotency keys past their 24 hours are deleted. */
  async housekeeping(): Promise<void> {
    const now = Date.now();
    if (now - this.sweptAt < SWEEP_EVERY_MS) return;
    this.sweptAt = now;
    const swept = await this.idempotency.sweepExpired();
    if (swept) this.logger.log(`deleted ${swept} expired idempotency keys`);
  }

  /**
   * Once a month, a `sponsorship.report_ready` event for every sponsor with an endpoint that wants it (last
   * month's report). A unique index makes the first worker of the month write it, and every other a no-op.
   */
  async announceMonthlyReports(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO outbox_message (topic, payload)
       SELECT 'sponsorship.report_ready', jsonb_build_object('sponsorId', w.sponsor_id, 'month', to_char(date_trunc('month', now()) - interval '1 month', 'YYYY-MM'))
         FROM (SELECT DISTINCT sponsor_id FROM webhook_endpoint WHERE 'sponsorship.report_ready' = ANY(events)) w
       ON CONFLICT ((payload->>'sponsorId'), (payload->>'month')) WHERE topic = 'sponsorship.report_ready' DO NOTHING`,
    );
  }

  /** One round: claims up to `limit` due messages and delivers them; answers how many it handled. */
  async deliverDue(limit = 20): Promise<number> {
    await this.announceMonthlyReports();
    const [claimed]: [OutboxRow[], number] = await this.dataSource.query(
      `UPDATE outbox_message SET locked_until = now() + make_interval(secs => $2), attempts = attempts + 1
        WHERE id IN (SELECT id FROM outbox_message
                      WHERE status = 'pending' AND available_at <= now() AND (locked_until IS NULL OR locked_until < now())
                      ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, topic, payload, attempts, delivered, created_at AS "createdAt"`,
      [limit, this.env.OUTBOX_LEASE_SECONDS],
    );
    for (const message of claimed) await this.deliver(message as ClaimedRow);
    return claimed.length;
  }

  /**
   * Delivers every part of a message (each webhook endpoint, each mail) that has not gone yet, recording each
   * part as it goes: a retry after one part failed resends only what did not arrive.
   */
  private async deliver(message: ClaimedRow): Promise<void> {
    const done = new Set(message.delivered);
    const failures: string[] = [];
    const part = async (key: string, send: () => Promise<unknown>) => {
      if (done.has(key)) return;
      try {
        await send();
        await this.dataSource.query(`UPDATE outbox_message SET delivered = array_append(delivered, $2) WHERE id = $1 AND NOT ($2 = ANY(delivered))`, [message.id, key]);
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
      await this.dataSource.query(
        `UPDATE outbox_message SET status = $2, sent_at = now(), locked_until = NULL, last_error = NULL, payload = payload - 'consentUrl' WHERE id = $1`,
        [message.id, mails.length || endpoints.length ? 'sent' : 'skipped'],
      );
    } catch (error) {
      const wait = BACKOFF_BASE_SECONDS * 2 ** (message.attempts - 1);
      await this.dataSource.query(
        `UPDATE outbox_message SET locked_until = NULL, last_error = $2, available_at = now() + make_interval(secs => $3),
                status = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'pending' END
          WHERE id = $1`,
        [message.id, String((error as Error).message ?? error).slice(0, 1000), wait, this.env.OUTBOX_MAX_ATTEMPTS],
      );
      this.logger.warn({ messageId: message.id, topic: message.topic, attempt: message.attempts }, `delivery failed: ${(error as Error).message}`);
    }
  }
}
