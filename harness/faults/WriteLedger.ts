/*
 * The writes a run sent with a write id, and which of them were answered 2xx, with when (performance.now() ms,
 * the fault clock). Ids are unique within the run (1, 2, 3, ...; warm-up and measured phases share the ledger);
 * the check bounds rows by the run's start, so a reused dataset's earlier runs never count. Typed arrays keep a
 * long run's millions of acks at 16 bytes each.
 */
export class WriteLedger {
  #next = 0;
  #ids = new Float64Array(1024);
  #atMs = new Float64Array(1024);
  #acked = 0;

  /** The id for the next write. */
  nextId(): number {
    return ++this.#next;
  }

  /** Writes that got an id. */
  get sent(): number {
    return this.#next;
  }

  /** Writes answered 2xx. */
  get ackedCount(): number {
    return this.#acked;
  }

  acked(id: number, atMs: number): void {
    if (this.#acked === this.#ids.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.#ids = grow(this.#ids);
      this.#atMs = grow(this.#atMs);
    }
    this.#ids[this.#acked] = id;
    this.#atMs[this.#acked] = atMs;
    this.#acked++;
  }

  ackedIds(): number[] {
    return Array.from(this.#ids.subarray(0, this.#acked));
  }

  /** When each acked id was answered, for attributing losses to the fault that followed. */
  ackTimes(): Map<number, number> {
    const m = new Map<number, number>();
    for (let i = 0; i < this.#acked; i++) m.set(this.#ids[i]!, this.#atMs[i]!);
    return m;
  }
}
