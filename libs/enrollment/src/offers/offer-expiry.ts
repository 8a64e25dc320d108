import { Scheduler, TransactionService } from '@codeshelf/core';
import { lockProgramSeats } from '@codeshelf/scheduling';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EnrollmentEntity } from '../enrollment.entity';
import { offerPastDeadline, offersPastDeadline } from '../queries/seats';
import { SeatPassing } from './seat-passing';

/** How often the worker looks for offers past their deadline: an offer lapses at most this late. */
const EXPIRE_EVERY_MS = 60_000;
/** Offers expired per run at most; the next run takes the rest. */
const BATCH = 200;

const SYSTEM = { id: null, kind: 'system' } as const;

/**
 * A scheduled job: an offered seat nobody took by its deadline passes to the next in line. Each offer is
 * expired in its own transaction that locks the program row first and reads the offer again under the lock,
 * so of several workers that found it, exactly one expires it, and the next teen gets exactly one offer.
 */
@Injectable()
export class OfferExpiry implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: Scheduler,
    private readonly transactions: TransactionService,
    private readonly seats: SeatPassing,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'expiring waitlist offers', everyMs: EXPIRE_EVERY_MS, run: () => this.expireDue() });
  }

  /** Expires the offers past their deadline; answers how many this call expired. */
  async expireDue(): Promise<number> {
    let expired = 0;
    for (const offer of await offersPastDeadline(this.dataSource.manager, BATCH)) {
      if (await this.expire(offer.id, offer.programId)) expired += 1;
    }
    return expired;
  }

  private expire(id: string, programId: string): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      await lockProgramSeats(manager, programId);
      // Another worker, the teen's answer or a withdrawal may have come first: only a lapsed offer still open expires.
      if (!(await offerPastDeadline(manager, id))) return false;
      const enrollment = await manager.getRepository(EnrollmentEntity).findOneByOrFail({ id });
      await this.seats.release(manager, enrollment, SYSTEM, 'enrollment.offer_expired');
      return true;
    });
  }
}
