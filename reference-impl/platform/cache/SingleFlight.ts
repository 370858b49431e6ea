/*
 * Single-flight (Go's golang.org/x/sync/singleflight): concurrent calls for one key share one execution.
 * N requests that miss one cold key make one database query; the others wait for its result.
 */
export class SingleFlight<T> {
  readonly #flights = new Map<string, Promise<T>>();

  /** Number of keys with a call in flight. */
  get inFlight(): number {
    return this.#flights.size;
  }

  /**
   * Runs `fn` for `key` unless a call for `key` is already running, in which case its promise is shared.
   * `shared` tells the caller whether it joined someone else's call (for the coalesced counter).
   */
  do(key: string, fn: () => Promise<T>): { result: Promise<T>; shared: boolean } {
    const running = this.#flights.get(key);
    if (running !== undefined) return { result: running, shared: true };
    const result = fn().finally(() => this.#flights.delete(key));
    this.#flights.set(key, result);
    return { result, shared: false };
  }
}
