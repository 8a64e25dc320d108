import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `skipped`: a message nobody is to be told of by mail (an event kept for later consumers, or no address). */
export type OutboxStatus = 'pending' | 'sent' | 'skipped' | 'failed';

/** A message a feature wants delivered (e-mail, webhook), written in the same transaction as its cause. */
@Entity()
@Index(['status', 'availableAt'])
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** While a worker delivers it: until when its claim holds (a dead worker's claim lapses). */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** The parts already delivered (`mail:<Message-ID>`, `hook:<endpoint id>`): a retry sends only the rest. */
  @Column({ type: 'text', array: true, default: '{}' })
  delivered: string[];
}
