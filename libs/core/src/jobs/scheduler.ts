import { Inject, Injectable, Logger, OnApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { type AppEnv, envConfig } from '../config/config.module';

/** A chore run every `everyMs` (counted from the end of the previous run, so runs never overlap). */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/**
 * Runs the registered jobs while the application runs: in the worker (which calls `start`), or inside the API
 * when WORKER_IN_PROCESS is on. Jobs register in their `onModuleInit`; shutting down waits for runs in flight.
 * Runs of one job in several processes may overlap: each job is safe under that on its own (locks, unique indexes).
 */
@Injectable()
export class Scheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly jobs: ScheduledJob[] = [];
  private readonly timers = new Map<ScheduledJob, NodeJS.Timeout>();
  private readonly runs = new Map<ScheduledJob, Promise<unknown>>();
  private running = false;

  constructor(@Inject(envConfig.KEY) private readonly env: AppEnv) {}

  register(job: ScheduledJob): void {
    this.jobs.push(job);
    if (this.running) this.loop(job);
  }

  onApplicationBootstrap(): void {
    if (this.env.WORKER_IN_PROCESS) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    await Promise.all(this.runs.values());
  }

  /** Runs every job now, then again every its interval, until the application stops. */
  start(): void {
    if (this.running) return;
    this.running = true;
    for (const job of this.jobs) this.loop(job);
  }

  private loop(job: ScheduledJob): void {
    this.logger.log(`${job.name} every ${job.everyMs} ms`);
    const tick = () => {
      const run = job.run().catch((error: unknown) => this.logger.error({ err: error }, `${job.name} failed`));
      this.runs.set(job, run);
      void run.then(() => {
        if (this.running) this.timers.set(job, setTimeout(tick, job.everyMs));
      });
    };
    tick();
  }
}
