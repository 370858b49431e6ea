/*
 * capacity bmf.json (Bencher Metric Format): benchmark "<workload>/<variant>/capacity" with the built-in
 * `throughput` measure (max sustainable req/s, the bootstrap interval as lower/upper) and a `users` measure.
 * Empty when nothing passed (there is no capacity to track).
 */
import type { CapacityReport } from '../../model/CapacityReport.ts';
import type { Bmf } from '../../report/renderBmf.ts';

export function renderCapacityBmf(r: CapacityReport): string {
  const out: Bmf = {};
  const m = r.maxSustainableRps;
  if (m) {
    const bench: Record<string, { value: number; lower_value?: number; upper_value?: number }> = {
      throughput: { value: m.value, lower_value: Math.min(m.low, m.value), upper_value: Math.max(m.high, m.value) },
    };
    if (r.users) bench.users = { value: Math.round(r.users.value) };
    out[`${r.workload}/${r.variant}/capacity`] = bench;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}
