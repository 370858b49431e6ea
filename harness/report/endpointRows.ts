/* The per-endpoint rows every report prints (endpoints in a stable order, then the total), as plain text cells. */
import { type EndpointSummary, type RunSummary } from '../model/RunSummary.ts';
import { fmtCount, fmtMs, fmtRate } from './formatValue.ts';

export const ENDPOINT_HEADERS = ['endpoint', 'requests', 'errors', 'req/s', 'p50 ms', 'p90 ms', 'p95 ms', 'p99 ms', 'max ms', 'queries/req'] as const;

type Row = Pick<EndpointSummary, 'requests' | 'errors' | 'throughputRps' | 'latencyMs' | 'queriesPerRequest'>;

export function orderedEndpoints(s: RunSummary): Array<[string, EndpointSummary]> {
  const entries = Object.entries(s.endpoints).filter((e): e is [string, EndpointSummary] => e[1] !== undefined);
  const order = endpointOrder([s]);
  const rank = (n: string) => {
    const i = order.indexOf(n);
    return i === -1 ? order.length : i;
  };
  return entries.sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
}

export function endpointCells(name: string, e: Row): string[] {
  const l = e.latencyMs;
  // No responses, no latency: the histogram's zeros are not measurements.
  const ms = (v: number) => (e.requests > 0 ? fmtMs(v) : 'n/a');
  // Statements the API issued per request of the route (server-side counters): n/a without them.
  const q = e.queriesPerRequest;
  return [name, fmtCount(e.requests), fmtCount(e.errors), fmtRate(e.throughputRps), ms(l.p50), ms(l.p90), ms(l.p95), ms(l.p99), ms(l.max), q === undefined || q === null ? 'n/a' : q.toFixed(2)];
}

export function endpointRows(s: RunSummary): string[][] {
  return [...orderedEndpoints(s).map(([n, e]) => endpointCells(n, e)), endpointCells('total', { ...s.totals, queriesPerRequest: s.server.queriesPerRequest })];
}

/** Endpoint names in the order of the runs' workload tables (their mixes), first run first. */
export function endpointOrder(runs: readonly RunSummary[]): string[] {
  const out: string[] = [];
  for (const r of runs) for (const n of Object.keys(r.scenario.mix)) if (!out.includes(n)) out.push(n);
  return out;
}
