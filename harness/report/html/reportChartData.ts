/*
 * The data report.html embeds (as JSON) for its charts: per entity (total first, then endpoints) the
 * per-second timeline with gaps filled (0 requests, null latency), and the latency distribution decoded
 * from the HDR histogram (percentile curve on a shared log grid, fraction of requests per latency bucket).
 */
import type { EndpointSummary, RunSummary } from '../../model/RunSummary.ts';
import { orderedEndpoints } from '../endpointRows.ts';
import { faultSpans } from '../faultRows.ts';
import { bucketLowerMs, latencyDistribution, percentileGrid, type LatencyDistribution } from '../latencyDistribution.ts';

export interface ChartEntity {
  name: string;
  count: number;
  timeline: { t: number[]; requests: number[]; errors: number[]; p50: Array<number | null>; p95: Array<number | null>; p99: Array<number | null> };
  spectrum: LatencyDistribution['spectrum'];
  maxMs: number | null;
  curveMs: Array<number | null>;
  /** Share of this entity's requests in each bucket of `bucketLowerMs` (null where none). */
  bucketShare: Array<number | null>;
}

export interface ReportChartData {
  runId: string;
  /** Injected faults, drawn on the over-time charts as a line at the action and a band until recovery. */
  faults: Array<{ label: string; atS: number; untilS: number }>;
  percentileX: number[];
  bucketLowerMs: number[];
  entities: ChartEntity[];
}

function timeline(e: Pick<EndpointSummary, 'timeline'>): ChartEntity['timeline'] {
  const byT = new Map(e.timeline.map((p) => [p.t, p]));
  const last = e.timeline.reduce((m, p) => Math.max(m, p.t), -1);
  const out: ChartEntity['timeline'] = { t: [], requests: [], errors: [], p50: [], p95: [], p99: [] };
  for (let t = 0; t <= last; t++) {
    const p = byT.get(t);
    out.t.push(t);
    out.requests.push(p?.requests ?? 0);
    out.errors.push(p?.errors ?? 0);
    out.p50.push(p && p.requests > 0 ? p.p50 : null);
    out.p95.push(p && p.requests > 0 ? p.p95 : null);
    out.p99.push(p && p.requests > 0 ? p.p99 : null);
  }
  return out;
}

export function reportChartData(s: RunSummary): ReportChartData {
  const sources: Array<[string, Pick<EndpointSummary, 'timeline' | 'histogram'>]> = [['total', s.totals], ...orderedEndpoints(s)];
  const dists = sources.map(([, e]) => latencyDistribution(e.histogram));
  const indices = dists.flatMap((d) => [...d.buckets.keys()]);
  const lo = indices.length ? Math.min(...indices) : 0;
  const hi = indices.length ? Math.max(...indices) : 0;
  const bucketIdx = Array.from({ length: hi - lo + 2 }, (_, i) => lo + i); // one extra edge closes the last step
  // Stop the percentile axis where no series resolves further (beyond 1/(1-q) = request count).
  const grid = percentileGrid();
  let resolved = 1;
  grid.forEach((_, i) => {
    if (dists.some((d) => d.curveMs[i] !== null)) resolved = i + 1;
  });
  return {
    runId: s.runId,
    faults: faultSpans(s),
    percentileX: grid.slice(0, resolved),
    bucketLowerMs: bucketIdx.map((i) => Number(bucketLowerMs(i).toPrecision(4))),
    entities: sources.map(([name, e], k) => {
      const d = dists[k]!;
      return {
        name,
        count: d.count,
        timeline: timeline(e),
        spectrum: d.spectrum,
        maxMs: d.maxMs,
        curveMs: d.curveMs.slice(0, resolved),
        bucketShare: bucketIdx.map((i) => {
          const c = d.buckets.get(i);
          return c && d.count ? c / d.count : null;
        }),
      };
    }),
  };
}
