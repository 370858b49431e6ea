/*
 * Per statement shape: calls, total time, and one real example (text and values), so a harness can EXPLAIN
 * the hottest statements with values that exist (bench:plan). pg_stat_statements keeps the totals too, but not
 * the values, and it is not on every server. Shapes group literals and numbers, so statements with inlined
 * values (one round-trip transactions) still add up; at most `maxShapes` shapes are kept.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';

export interface SampledStatement {
  shape: string;
  calls: number;
  totalMs: number;
  example: { text: string; values: unknown[] };
}

export class StatementSampler {
  readonly #shapes = new Map<string, SampledStatement>();
  readonly #maxShapes: number;

  constructor(maxShapes = 300) {
    this.#maxShapes = maxShapes;
  }

  record(text: string, values: readonly unknown[] | undefined, ms: number): void {
    const shape = shapeOf(text);
    const s = this.#shapes.get(shape);
    if (s) {
      s.calls++;
      s.totalMs += ms;
      return;
    }
    if (this.#shapes.size >= this.#maxShapes) return;
    this.#shapes.set(shape, { shape, calls: 1, totalMs: ms, example: { text, values: [...(values ?? [])] } });
  }

  /** The `n` statements with the most total time. */
  top(n: number): SampledStatement[] {
    return [...this.#shapes.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, n).map((s) => ({ ...s, totalMs: Math.round(s.totalMs * 1000) / 1000 }));
  }

  /**
   * Times every text query a pool's clients run (called from the pool's 'connect' event, once per client).
   * Callback and promise forms are both covered (pool.query uses the callback form); streams (COPY) are not.
   */
  watch(client: pg.PoolClient): void {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    const record = (cfg: unknown, values: unknown, t0: number) => {
      const text = typeof cfg === 'string' ? cfg : (cfg as { text?: unknown }).text;
      if (typeof text !== 'string') return;
      const vals = Array.isArray(values) ? values : (cfg as { values?: unknown[] }).values;
      this.record(text, vals, performance.now() - t0);
    };
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [cfg] = args;
      if (cfg === null || (typeof cfg === 'object' && typeof (cfg as { submit?: unknown }).submit === 'function')) return original(...args);
      const t0 = performance.now();
      const cbAt = args.findIndex((a) => typeof a === 'function');
      if (cbAt >= 0) {
        const cb = args[cbAt] as (...r: unknown[]) => void;
        args[cbAt] = (...r: unknown[]) => {
          record(cfg, cbAt > 1 ? args[1] : undefined, t0);
          cb(...r);
        };
        return original(...args);
      }
      const p = original(...args) as Promise<unknown>;
      return p.then((res) => {
        record(cfg, args[1], t0);
        return res;
      });
    };
  }
}

/** Literals and numbers grouped, whitespace collapsed. */
export function shapeOf(text: string): string {
  return text.replace(/'(?:[^']|'')*'/g, '?').replace(/(?<![$\w])\d+(?:\.\d+)?\b/g, '?').replace(/\s+/g, ' ').trim().slice(0, 2000);
}
