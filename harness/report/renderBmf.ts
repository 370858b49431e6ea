/*
 * bmf.json: Bencher Metric Format (bencher.dev/docs/reference/bencher-metric-format): an object keyed by
 * benchmark name, each holding measures keyed by measure slug, each { value, lower_value?, upper_value? }.
 * Benchmarks are "<scenario>/<endpoint>" and "<scenario>/total". Measures:
 *   latency       Bencher's built-in Latency measure, in NANOSECONDS: the p50
 *   latency-p95   p95 in nanoseconds;  latency-p99   p99 in nanoseconds
 *   throughput    Bencher's built-in Throughput measure, operations (requests) per second
 *   error-rate    failed requests / requests (0..1)
 * With more than one trial, value is the whole-run figure and lower_value/upper_value the lowest and
 * highest trial (the spread Bencher draws as a band); with one trial they are omitted.
 */
import type { RunSummary, TrialSample } from '../model/RunSummary.ts';

export interface BmfMetric {
  value: number;
  lower_value?: number;
  upper_value?: number;
}
export type Bmf = Record<string, Record<string, BmfMetric>>;

const NS_PER_MS = 1_000_000;

type TrialRow = TrialSample['totals'];

function metric(value: number, trials: ReadonlyArray<TrialRow | undefined>, pick: (t: TrialRow) => number): BmfMetric {
  const m: BmfMetric = { value };
  const vs = trials.filter((t): t is TrialRow => t !== undefined).map(pick).filter(Number.isFinite);
  if (trials.length > 1 && vs.length === trials.length) {
    // Bencher requires lower_value <= value <= upper_value.
    m.lower_value = Math.min(value, ...vs);
    m.upper_value = Math.max(value, ...vs);
  }
  return m;
}

function measures(e: { requests: number; errors: number; throughputRps: number; latencyMs: { p50: number; p95: number; p99: number } }, trials: ReadonlyArray<TrialRow | undefined>): Record<string, BmfMetric> {
  const ns = (ms: number) => Math.round(ms * NS_PER_MS);
  return {
    latency: metric(ns(e.latencyMs.p50), trials, (t) => ns(t.p50)),
    'latency-p95': metric(ns(e.latencyMs.p95), trials, (t) => ns(t.p95)),
    'latency-p99': metric(ns(e.latencyMs.p99), trials, (t) => ns(t.p99)),
    throughput: metric(e.throughputRps, trials, (t) => t.throughputRps),
    'error-rate': metric(e.requests > 0 ? e.errors / e.requests : 0, trials, (t) => (t.requests > 0 ? t.errors / t.requests : 0)),
  };
}

export function buildBmf(s: RunSummary): Bmf {
  const bmf: Bmf = {};
  for (const [name, e] of Object.entries(s.endpoints)) {
    if (!e) continue;
    bmf[`${s.scenario.name}/${name}`] = measures(e, s.trials.map((t) => t.endpoints[name]));
  }
  bmf[`${s.scenario.name}/total`] = measures(s.totals, s.trials.map((t) => t.totals));
  return bmf;
}

export function renderBmf(s: RunSummary): string {
  return `${JSON.stringify(buildBmf(s), null, 2)}\n`;
}
