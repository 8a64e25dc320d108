import type { AuditActor } from '@codeshelf/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type ErasingHandler = (manager: EntityManager, participantId: string, actor: AuditActor) => Promise<void>;
export type LoginErasedHandler = (manager: EntityManager, userId: string) => Promise<void>;
export type ScrubbingHandler = (manager: EntityManager, participantId: string) => Promise<void>;

/**
 * Lets features built on people act inside an erasure's own transaction, without people importing them
 * (which would be a cycle). Each feature erases its own part, at its step of the erasure: first, before
 * anything is scrubbed (enrollment gives up the teen's seats and waitlist places); once the teen's login is
 * erased (scheduling drops its calendar feed secret); once the teen's own record is (features blank the free
 * text they keep about the teen in rows that stay: application statements, attendance notes).
 */
@Injectable()
export class ErasureEvents {
  private readonly erasing: ErasingHandler[] = [];
  private readonly loginErased: LoginErasedHandler[] = [];
  private readonly scrubbing: ScrubbingHandler[] = [];

  onErasing(handler: ErasingHandler): void {
    this.erasing.push(handler);
  }

  onLoginErased(handler: LoginErasedHandler): void {
    this.loginErased.push(handler);
  }

  onScrubbing(handler: ScrubbingHandler): void {
    this.scrubbing.push(handler);
  }

  async emitErasing(manager: EntityManager, participantId: string, actor: AuditActor): Promise<void> {
    for (const handler of this.erasing) await handler(manager, participantId, actor);
  }

  async emitLoginErased(manager: EntityManager, userId: string): Promise<void> {
    for (const handler of this.loginErased) await handler(manager, userId);
  }

  async emitScrubbing(manager: EntityManager, participantId: string): Promise<void> {
    for (const handler of this.scrubbing) await handler(manager, participantId);
  }
}
