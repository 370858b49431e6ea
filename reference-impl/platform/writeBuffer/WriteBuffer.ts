/*
 * The analytics write buffer (seed 000: "batch insert every 500ms or when buffer size reaches threshold").
 *
 * - offer() appends an event and answers at once; a flush runs every flushIntervalMs, or as soon as
 *   flushMaxEvents are pending. Each flush writes everything pending as ONE statement (COPY).
 * - Flushes never overlap: at most one is in flight; the next starts after it ends.
 * - Bounded: pending + in-flight never exceeds maxEvents; offer() then answers 'full' (the route turns that
 *   into 503 + Retry-After). Nothing is dropped silently.
 * - A failed flush is counted, logged, and its events go back to the front of the queue; the next attempt
 *   waits a capped exponential backoff. Accepted events stay until they are written.
 * - close() stops accepting and flushes until empty (retrying through failures), so every accepted event is
 *   stored before the process exits.
 *
 * Two acknowledgements (AckMode, issue 14):
 * - offer(): 'buffered', the plan's. 'accepted' means "in memory"; SIGTERM drains it, but a crash (SIGKILL,
 *   OOM, host loss) loses what was pending: up to one flush interval of events.
 * - offerCommitted(): 'committed', group commit. The promise resolves 'accepted' only after the COPY holding
 *   the event has committed. Waiters ride along with their lines (#pendingWaiters is index-aligned with
 *   #pending): a successful flush resolves its batch's waiters in order; a failed flush puts lines and
 *   waiters back at the front together, so they keep waiting for the retry; close() drains until empty, so
 *   every waiter is answered. 'full' and 'closed' resolve at once. The triggers are the same (interval or
 *   flushMaxEvents), so the cost is latency: below flushMaxEvents pending, a request waits for the next tick,
 *   on average flushIntervalMs / 2 plus the COPY (with the plan's 500 ms: ~250 ms + COPY, at worst ~500 ms +
 *   COPY), and a closed-model client's throughput is then bounded by in-flight requests / that latency.
 */
import type { ApiLogger } from '../log/ApiLogger.ts';
import { errorText } from '../log/ApiLogger.ts';

export type OfferResult = 'accepted' | 'full' | 'closed';

/** What a 2xx promises: 'buffered' = in memory (drained on SIGTERM), 'committed' = in Postgres. */
export const ACK_MODES = ['buffered', 'committed'] as const;
export type AckMode = (typeof ACK_MODES)[number];

/** Resolves a committed offer; undefined for a buffered one (same index in #pendingWaiters as its line). */
type Waiter = (() => void) | undefined;

/** What the buffer reports (prom-client in the app). */
export interface WriteBufferEvents {
  flushed(events: number, seconds: number): void;
  flushFailed(events: number, seconds: number): void;
}

export interface WriteBufferOptions {
  flushIntervalMs: number;
  flushMaxEvents: number;
  maxEvents: number;
  /** Writes one batch; must either store all of it or reject. */
  write(batch: string[]): Promise<void>;
  events: WriteBufferEvents;
  log: ApiLogger;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export class WriteBuffer {
  readonly #opts: WriteBufferOptions;
  #pending: string[] = [];
  #pendingWaiters: Waiter[] = [];
  #waiting = 0;
  #inFlightEvents = 0;
  #flushing: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #consecutiveFailures = 0;
  #retryAtMs = 0;
  #closed = false;

  constructor(opts: WriteBufferOptions) {
    this.#opts = opts;
  }

  /** Events accepted and not yet written (pending + in the flush in flight). */
  get depth(): number {
    return this.#pending.length + this.#inFlightEvents;
  }

  /** Committed offers not yet answered. */
  get waiting(): number {
    return this.#waiting;
  }

  get closed(): boolean {
    return this.#closed;
  }

  start(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setInterval(() => this.#kick(), this.#opts.flushIntervalMs);
    this.#timer.unref();
  }

  /** ack=buffered: 'accepted' once the line is in memory. */
  offer(line: string): OfferResult {
    return this.#append(line, undefined);
  }

  /** ack=committed: 'accepted' only once the batch holding the line has committed; 'full'/'closed' at once. */
  offerCommitted(line: string): Promise<OfferResult> {
    return new Promise((resolve) => {
      const outcome = this.#append(line, () => resolve('accepted'));
      if (outcome !== 'accepted') resolve(outcome);
    });
  }

  #append(line: string, waiter: Waiter): OfferResult {
    if (this.#closed) return 'closed';
    if (this.#pending.length + this.#inFlightEvents >= this.#opts.maxEvents) return 'full';
    this.#pending.push(line);
    this.#pendingWaiters.push(waiter);
    if (waiter) this.#waiting++;
    if (this.#pending.length >= this.#opts.flushMaxEvents) this.#kick();
    return 'accepted';
  }

  /** Starts a flush now unless one is running, nothing is pending, or a retry backoff is in effect. */
  flushSoon(): void {
    this.#kick();
  }

  /** Stops accepting, then flushes until every accepted event is written. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    clearTimeout(this.#retryTimer);
    for (;;) {
      if (this.#flushing) await this.#flushing;
      if (this.#pending.length === 0) return;
      const waitMs = this.#retryAtMs - Date.now();
      if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
      this.#retryAtMs = 0;
      this.#kick();
    }
  }

  #kick(): void {
    if (this.#flushing || this.#pending.length === 0 || Date.now() < this.#retryAtMs) return;
    this.#flushing = this.#flushOnce().finally(() => {
      this.#flushing = undefined;
      // Events that piled up during the flush go out at once rather than at the next tick.
      if (this.#pending.length >= this.#opts.flushMaxEvents) this.#kick();
    });
  }

  async #flushOnce(): Promise<void> {
    const batch = this.#pending;
    const waiters = this.#pendingWaiters;
    this.#pending = [];
    this.#pendingWaiters = [];
    this.#inFlightEvents = batch.length;
    const started = performance.now();
    try {
      await this.#opts.write(batch);
      this.#consecutiveFailures = 0;
      this.#opts.events.flushed(batch.length, (performance.now() - started) / 1000);
      // Committed: answer in arrival order, only now that the COPY has committed.
      for (const w of waiters) {
        if (w) {
          this.#waiting--;
          w();
        }
      }
    } catch (err) {
      // Keep the batch, in order, ahead of what arrived meanwhile; retry after a capped backoff.
      this.#pending = batch.concat(this.#pending);
      this.#pendingWaiters = waiters.concat(this.#pendingWaiters); // their requests keep waiting for the retry
      this.#consecutiveFailures++;
      const base = this.#opts.retryBaseMs ?? 100;
      const delayMs = Math.min(base * 2 ** (this.#consecutiveFailures - 1), this.#opts.retryMaxMs ?? 5000);
      this.#retryAtMs = Date.now() + delayMs;
      this.#opts.events.flushFailed(batch.length, (performance.now() - started) / 1000);
      this.#opts.log.error(`write buffer: flush of ${batch.length} events failed (attempt ${this.#consecutiveFailures}); kept, retrying in ${delayMs} ms: ${errorText(err)}`);
      if (!this.#closed) {
        clearTimeout(this.#retryTimer);
        // The timer ends the backoff itself: setTimeout runs on the monotonic clock and may fire a millisecond
        // before Date.now() reaches #retryAtMs, and a kick refused then would leave the batch until the next tick.
        this.#retryTimer = setTimeout(() => {
          this.#retryAtMs = 0;
          this.#kick();
        }, delayMs);
        this.#retryTimer.unref();
      }
    } finally {
      this.#inFlightEvents = 0;
    }
  }
}
