import { Logger } from '@nestjs/common';
import type { AppEnv } from '../config/config.module';
import { Scheduler } from './scheduler';

describe('Scheduler', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  const flush = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('runs each job at start, then its interval after each run ends; shutting down waits for a run in flight and stops', async () => {
    const scheduler = new Scheduler({ WORKER_IN_PROCESS: false } as AppEnv);
    let finish: () => void = () => undefined;
    const runs: string[] = [];
    scheduler.register({ name: 'slow', everyMs: 1_000, run: () => (runs.push('slow'), new Promise<void>((done) => (finish = done))) });
    scheduler.register({ name: 'quick', everyMs: 100, run: async () => void runs.push('quick') });
    scheduler.onApplicationBootstrap();
    expect(runs).toEqual([]); // WORKER_IN_PROCESS off: only `start` starts it
    scheduler.start();
    expect(runs).toEqual(['slow', 'quick']);
    await flush();
    jest.advanceTimersByTime(2_000);
    await flush();
    expect(runs.filter((r) => r === 'slow')).toHaveLength(1); // still running: never two runs of one job at once
    expect(runs.filter((r) => r === 'quick').length).toBeGreaterThan(1);
    const stopped = scheduler.onApplicationShutdown();
    let done = false;
    void stopped.then(() => (done = true));
    await flush();
    expect(done).toBe(false);
    finish();
    await stopped;
    const count = runs.length;
    jest.advanceTimersByTime(10_000);
    await flush();
    expect(runs).toHaveLength(count);
  });

  it('a failing run is logged and the job runs again', async () => {
    const scheduler = new Scheduler({ WORKER_IN_PROCESS: true } as AppEnv);
    let tries = 0;
    scheduler.register({
      name: 'flaky',
      everyMs: 50,
      run: async () => {
        tries += 1;
        throw new Error('down');
      },
    });
    scheduler.onApplicationBootstrap();
    await flush();
    jest.advanceTimersByTime(50);
    await flush();
    expect(tries).toBe(2);
    expect(Logger.prototype.error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), 'flaky failed');
    await scheduler.onApplicationShutdown();
  });
});
