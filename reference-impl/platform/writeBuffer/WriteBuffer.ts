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
 */
import type { ApiLogger } from '../log/ApiLogger.ts';
import { errorText } from '../log/ApiLogger.ts';

export type OfferResult = 'accepted' | 'full' | 'closed';

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

  get closed(): boolean {
    return this.#closed;
  }

  start(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setInterval(() => this.#kick(), this.#opts.flushIntervalMs);
    this.#timer.unref();
  }

  offer(line: string): OfferResult {
    if (this.#closed) return 'closed';
    if (this.#pending.length + this.#inFlightEvents >= this.#opts.maxEvents) return 'full';
    this.#pending.push(line);
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
    this.#pending = [];
    this.#inFlightEvents = batch.length;
    const started = performance.now();
    try {
      await this.#opts.write(batch);
      this.#consecutiveFailures = 0;
      this.#opts.events.flushed(batch.length, (performance.now() - started) / 1000);
    } catch (err) {
      // Keep the batch, in order, ahead of what arrived meanwhile; retry after a capped backoff.
      this.#pending = batch.concat(this.#pending);
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
