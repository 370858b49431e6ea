/*
 * A background job on a timer: never overlaps itself (the next run is scheduled when the current one ends),
 * reports every failure (counted and logged, never swallowed, never thrown at the process), and holds no
 * process open (timers unref'd, cleared by stop()). A task with `runOnStop` runs once more when stopped: a
 * worker that drains what requests acknowledged (the platform stops tasks on close, after the last request
 * and before the pools and Redis close).
 */
import type { ApiLogger } from '../log/ApiLogger.ts';
import { errorText } from '../log/ApiLogger.ts';

export interface PeriodicTaskOptions {
  name: string;
  intervalMs: number;
  /** After a failure, try again this soon instead of a whole interval later. */
  retryAfterFailureMs?: number;
  /** Run once more in stop(), after any run in progress. */
  runOnStop?: boolean;
  run(): Promise<void>;
  onRun(ok: boolean): void;
  log: ApiLogger;
}

export class PeriodicTask {
  readonly name: string;
  readonly #opts: PeriodicTaskOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<boolean> | undefined;
  #stopped = false;
  #failures = 0;

  constructor(opts: PeriodicTaskOptions) {
    this.name = opts.name;
    this.#opts = opts;
  }

  get failures(): number {
    return this.#failures;
  }

  /** Schedules runs every intervalMs; the first one after `firstDelayMs` (default: intervalMs). */
  start(firstDelayMs = this.#opts.intervalMs): void {
    this.#stopped = false;
    this.#schedule(firstDelayMs);
  }

  /** Runs now, or joins the run in progress; resolves true on success. Never rejects. */
  runNow(): Promise<boolean> {
    if (this.#running) return this.#running;
    this.#running = this.#runOnce().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Stops the timer and waits for a run in progress; with runOnStop, then runs once more (true if it succeeded). */
  async stop(): Promise<boolean> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    if (this.#running) await this.#running;
    return this.#opts.runOnStop ? this.runNow() : true;
  }

  async #runOnce(): Promise<boolean> {
    try {
      await this.#opts.run();
      this.#opts.onRun(true);
      return true;
    } catch (err) {
      this.#failures++;
      this.#opts.onRun(false);
      this.#opts.log.error(`background task ${this.name} failed (${this.#failures} failures so far): ${errorText(err)}`);
      return false;
    }
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      void this.runNow().then((ok) => this.#schedule(ok ? this.#opts.intervalMs : (this.#opts.retryAfterFailureMs ?? this.#opts.intervalMs)));
    }, delayMs);
    this.#timer.unref();
  }
}
