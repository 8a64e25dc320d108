import type { AuditActor } from '@codeshelf/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The teen whose guardian just consented, as the consent's transaction has them. */
export interface ConsentedTeen {
  id: string;
  birthDate: string;
}

export type GrantedHandler = (manager: EntityManager, teen: ConsentedTeen, actor: AuditActor) => Promise<void>;

/**
 * Lets features built on people act in the transaction that grants a minor's consent, without people importing
 * them (a cycle): enrollment seats the teens a roster import left waiting for it.
 */
@Injectable()
export class ConsentEvents {
  private readonly granted: GrantedHandler[] = [];

  onGranted(handler: GrantedHandler): void {
    this.granted.push(handler);
  }

  async emitGranted(manager: EntityManager, teen: ConsentedTeen, actor: AuditActor): Promise<void> {
    for (const handler of this.granted) await handler(manager, teen, actor);
  }
}
