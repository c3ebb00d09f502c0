/**
 * Latest-wins scheduling: one request in flight; while it runs, newer requests replace each
 * other, so a fast drag never queues stale work. Every finished result is delivered (it is
 * newer than what is on screen), then the newest waiting request starts.
 */
export class LatestWins<Q, R> {
  private busy = false;
  private waiting: { query: Q } | null = null;

  constructor(
    private readonly run: (query: Q) => Promise<R>,
    private readonly deliver: (result: R, query: Q) => void,
    private readonly fail: (error: unknown, query: Q) => void,
  ) {}

  request(query: Q): void {
    if (this.busy) this.waiting = { query };
    else void this.start(query);
  }

  /** True while a request runs or waits. */
  get pending(): boolean {
    return this.busy || this.waiting !== null;
  }

  private async start(query: Q): Promise<void> {
    this.busy = true;
    try {
      this.deliver(await this.run(query), query);
    } catch (error) {
      this.fail(error, query);
    } finally {
      this.busy = false;
      const next = this.waiting;
      this.waiting = null;
      if (next) void this.start(next.query);
    }
  }
}
