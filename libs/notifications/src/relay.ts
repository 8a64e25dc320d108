import { type AppEnv, envConfig } from '@codeshelf/core';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Composer, type OutboxRow } from './composer';
import { Mailer } from './mailer';
import { WebhookDispatcher } from './webhook-dispatcher';

const BACKOFF_BASE_SECONDS = 30;

/**
 * Delivers the outbox (sponsors' webhooks first, then the mails): claims due messages with FOR UPDATE SKIP LOCKED under a lease (any number of
 * workers share the table without taking the same message; a dead worker's claim lapses), mails them, and
 * marks each sent only after delivery. A failure waits 30 s, 60 s, 120 s … before the next try; after
 * OUTBOX_MAX_ATTEMPTS it is marked failed for an admin to retry. Each mail's Message-ID is fixed per message
 * and recipient, so a mail resent after a crash can be recognised.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private round: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly dataSource: DataSource,
    private readonly composer: Composer,
    private readonly mailer: Mailer,
    private readonly webhooks: WebhookDispatcher,
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
      this.round = this.deliverDue().catch((error: unknown) => this.logger.error({ err: error }, 'outbox round failed'));
      void this.round.then(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.env.OUTBOX_POLL_MS);
      });
    };
    tick();
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
        RETURNING id, topic, payload, attempts, created_at AS "createdAt"`,
      [limit, this.env.OUTBOX_LEASE_SECONDS],
    );
    for (const message of claimed) await this.deliver(message as OutboxRow & { attempts: number });
    return claimed.length;
  }

  private async deliver(message: OutboxRow & { attempts: number }): Promise<void> {
    try {
      const hooks = await this.webhooks.dispatch(message);
      const mails = await this.composer.compose(message);
      for (const mail of mails) await this.mailer.send(mail);
      // Delivered: the consent link need not be kept in the clear any longer.
      await this.dataSource.query(
        `UPDATE outbox_message SET status = $2, sent_at = now(), locked_until = NULL, last_error = NULL, payload = payload - 'consentUrl' WHERE id = $1`,
        [message.id, mails.length || hooks ? 'sent' : 'skipped'],
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
