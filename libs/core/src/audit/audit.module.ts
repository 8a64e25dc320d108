import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { OutboxService } from '../outbox/outbox.service';
import { AuditEventEntity } from './audit-event.entity';
import { AuditService } from './audit.service';

/** Audit trail and outbox: the two append-only logs every feature writes to. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity, OutboxMessageEntity])],
  providers: [AuditService, OutboxService],
  exports: [AuditService, OutboxService],
})
export class AuditModule {}
