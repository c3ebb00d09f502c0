/**
 * The one way the page keeps only the newest request (plans, the cost curve, who pays, the
 * Monte Carlo): one request runs at a time; newer requests replace the one waiting, so a fast
 * drag never queues stale work; an optional settle delay waits for input to stop; a cancelled
 * or superseded request's result is dropped (plans may keep them: each is newer than the screen).
 */
export interface SchedulerOptions<Q, R> {
  run: (query: Q) => Promise<R>;
  deliver: (result: R, query: Q) => void;
  fail: (error: unknown, query: Q) => void;
  /** Wait this long after the latest request before running it (ms; 0: at once). */
  settleMs?: number;
  /** Deliver a result even when newer requests came in while it ran (a drag paints every step). */
  deliverSuperseded?: boolean;
  /** Skip a request whose key equals the last one accepted, until invalidate(). */
  key?: (query: Q) => string;
  /** Told when cancel() drops a running request (e.g. to stop the work in the worker). */
  onCancel?: () => void;
}

export class Scheduler<Q, R> {
  /** Id of the newest request; results are tagged with the id they ran for. */
  private latest = 0;
  /** Results of requests up to this id are dropped (cancel). */
  private dropped = 0;
  private running = false;
  private waiting: { query: Q; id: number } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastKey: string | null = null;

  constructor(private readonly options: SchedulerOptions<Q, R>) {}

  request(query: Q): void {
    const key = this.options.key?.(query) ?? null;
    if (key !== null && key === this.lastKey) return;
    this.lastKey = key;
    this.waiting = { query, id: ++this.latest };
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.options.settleMs) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, this.options.settleMs);
    } else this.pump();
  }

  /** Drops what waits and what runs (its result will not be delivered). */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.waiting = null;
    this.lastKey = null;
    this.dropped = this.latest;
    if (this.running) this.options.onCancel?.();
  }

  /** The next request runs even if its key equals the last one (the data behind it changed). */
  invalidate(): void {
    this.lastKey = null;
  }

  /** True while a request waits, settles or runs. */
  get pending(): boolean {
    return this.running || this.waiting !== null || this.timer !== null;
  }

  private pump(): void {
    if (this.running || this.timer !== null || this.waiting === null) return;
    const { query, id } = this.waiting;
    this.waiting = null;
    this.running = true;
    const wanted = () => id > this.dropped && (this.options.deliverSuperseded || id === this.latest);
    this.options
      .run(query)
      .then(
        (result) => wanted() && this.options.deliver(result, query),
        (error) => id > this.dropped && this.options.fail(error, query),
      )
      .finally(() => {
        this.running = false;
        this.pump();
      });
  }
}
