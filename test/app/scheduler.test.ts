import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scheduler, type SchedulerOptions } from '../../src/app/scheduler';

/** A run whose promises the test resolves by hand, recording what ran and what was delivered. */
function harness(options: Partial<SchedulerOptions<number, string>> = {}) {
  const runs: { query: number; resolve: (r: string) => void; reject: (e: unknown) => void }[] = [];
  const delivered: string[] = [];
  const failed: unknown[] = [];
  const scheduler = new Scheduler<number, string>({
    run: (query) => new Promise((resolve, reject) => runs.push({ query, resolve, reject })),
    deliver: (result) => delivered.push(result),
    fail: (error) => failed.push(error),
    ...options,
  });
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { scheduler, runs, delivered, failed, settle };
}

describe('Scheduler (latest wins)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs one request at a time and keeps only the newest waiting one', async () => {
    const { scheduler, runs, delivered, settle } = harness();
    scheduler.request(1);
    scheduler.request(2);
    scheduler.request(3);
    expect(runs.map((r) => r.query)).toEqual([1]);
    runs[0].resolve('r1');
    await settle();
    // 1 was superseded while it ran: dropped; 2 never ran; 3 runs now.
    expect(delivered).toEqual([]);
    expect(runs.map((r) => r.query)).toEqual([1, 3]);
    runs[1].resolve('r3');
    await settle();
    expect(delivered).toEqual(['r3']);
    expect(scheduler.pending).toBe(false);
  });

  it('delivers superseded results when asked (a drag paints every finished step)', async () => {
    const { scheduler, runs, delivered, settle } = harness({ deliverSuperseded: true });
    scheduler.request(1);
    scheduler.request(2);
    runs[0].resolve('r1');
    await settle();
    runs[1].resolve('r2');
    await settle();
    expect(delivered).toEqual(['r1', 'r2']);
  });

  it('waits for input to settle before running', async () => {
    const { scheduler, runs, settle } = harness({ settleMs: 250 });
    scheduler.request(1);
    vi.advanceTimersByTime(200);
    scheduler.request(2);
    vi.advanceTimersByTime(200);
    expect(runs).toHaveLength(0);
    expect(scheduler.pending).toBe(true);
    vi.advanceTimersByTime(50);
    await settle();
    expect(runs.map((r) => r.query)).toEqual([2]);
  });

  it('skips a request with the same key until invalidated', async () => {
    const { scheduler, runs, settle } = harness({ key: (q) => String(q % 10) });
    scheduler.request(1);
    runs[0].resolve('a');
    await settle();
    scheduler.request(11);
    expect(runs).toHaveLength(1);
    scheduler.invalidate();
    scheduler.request(11);
    expect(runs.map((r) => r.query)).toEqual([1, 11]);
  });

  it('cancels: drops the running result and what waits, and tells the worker', async () => {
    const onCancel = vi.fn();
    const { scheduler, runs, delivered, settle } = harness({ onCancel });
    scheduler.request(1);
    scheduler.request(2);
    scheduler.cancel();
    expect(onCancel).toHaveBeenCalledOnce();
    runs[0].resolve('r1');
    await settle();
    expect(delivered).toEqual([]);
    expect(runs).toHaveLength(1);
    scheduler.request(3);
    runs[1].resolve('r3');
    await settle();
    expect(delivered).toEqual(['r3']);
  });

  it('reports a failure of the newest request and goes on with the next', async () => {
    const { scheduler, runs, failed, delivered, settle } = harness();
    scheduler.request(1);
    runs[0].reject(new Error('boom'));
    await settle();
    expect(failed).toHaveLength(1);
    scheduler.request(2);
    runs[1].resolve('ok');
    await settle();
    expect(delivered).toEqual(['ok']);
  });
});
