import { signature, type WebhookEvent, WebhookResolver, WebhooksService, type WebhookSubscriber, webhookTarget } from '@codeshelf/partners';
import { type AppEnv, envConfig } from '@codeshelf/core';
import { Inject, Injectable } from '@nestjs/common';
import type { OutboxRow } from './composer';
import { postPinned } from './pinned-post';

const EVENTS: readonly string[] = ['application.submitted', 'application.status_changed', 'sponsorship.report_ready'] satisfies WebhookEvent[];
const TIMEOUT_MS = 10_000;

/**
 * Posts a sponsor's events to its webhook endpoints, signed, and logs every attempt. The body names the
 * application (or the month whose report is ready), never the teen. `post` throws when an endpoint did not take
 * it, so that part is retried later (with the same `Codeshelf-Delivery` id, for the receiver to drop a repeat).
 */
@Injectable()
export class WebhookDispatcher {
  constructor(
    @Inject(envConfig.KEY) private readonly env: AppEnv,
    private readonly webhooks: WebhooksService,
    private readonly resolver: WebhookResolver,
  ) {}

  /** The endpoints that want this message: none for a topic that is not a webhook event. */
  endpointsFor(message: OutboxRow): Promise<WebhookSubscriber[]> {
    if (!EVENTS.includes(message.topic)) return Promise.resolve([]);
    return this.webhooks.subscribers(String(message.payload.sponsorId), message.topic as WebhookEvent);
  }

  async post(endpoint: WebhookSubscriber, message: OutboxRow & { createdAt?: Date }): Promise<void> {
    const { sponsorId, participantId: _teen, notify: _notify, ...fields } = message.payload as Record<string, unknown>;
    const data = message.topic === 'sponsorship.report_ready' ? this.monthlyReport(String(sponsorId), String(fields.month)) : fields;
    const body = JSON.stringify({ id: message.id, event: message.topic, createdAt: (message.createdAt ?? new Date()).toISOString(), data });
    const outcome = await this.send(endpoint.url, endpoint.secret, message, body);
    await this.webhooks.logDelivery({ endpointId: endpoint.id, messageId: message.id, event: message.topic, ...outcome });
    if (!outcome.ok) throw new Error(`webhook not taken: ${endpoint.url}: ${outcome.error ?? outcome.responseStatus}`);
  }

  /** Where last month's report is: the outcome report over that month's days. */
  private monthlyReport(sponsorId: string, month: string) {
    const [year, m] = month.split('-').map(Number);
    const from = `${month}-01`;
    const to = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    return { month, from, to, reportUrl: `${this.env.PUBLIC_URL.replace(/\/+$/, '')}/v1/reports/sponsors/${sponsorId}/outcomes?from=${from}&to=${to}` };
  }

  private async send(url: string, secret: string, message: OutboxRow, body: string) {
    const target = await webhookTarget(url, this.webhooks.allowsInternal, this.resolver);
    if (typeof target === 'string') return { ok: false, responseStatus: null, error: target };
    try {
      const headers = { 'Content-Type': 'application/json', 'Codeshelf-Event': message.topic, 'Codeshelf-Delivery': message.id, 'Codeshelf-Signature': signature(secret, body) };
      const status = await postPinned(target, headers, body, AbortSignal.timeout(TIMEOUT_MS));
      return { ok: status >= 200 && status < 300, responseStatus: status, error: null };
    } catch (error) {
      return { ok: false, responseStatus: null, error: String((error as Error).message ?? error).slice(0, 500) };
    }
  }
}
