import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const WEBHOOK_EVENTS = ['application.submitted', 'application.status_changed', 'sponsorship.report_ready'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Where a sponsor wants to hear of events, and the secret its deliveries are signed with. */
@Entity()
@Index(['sponsorId', 'createdAt'])
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sponsorId: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', array: true })
  events: WebhookEvent[];

  /** The HMAC key: kept to sign with, shown to the sponsor once, never in an answer after that. */
  @Column({ type: 'text', select: false })
  secret: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One attempt to deliver one event to one endpoint: the sponsor's delivery log. */
@Entity()
@Index(['endpointId', 'createdAt'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  endpointId: string;

  /** The outbox message delivered: the same id on every retry, for the receiver to drop repeats. */
  @Column({ type: 'uuid' })
  messageId: string;

  @Column({ type: 'text' })
  event: string;

  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'boolean' })
  ok: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
