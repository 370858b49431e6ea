/*
 * A short end-of-test text for stdout. When a script defines handleSummary, k6 prints nothing unless it returns
 * a `stdout` entry; k6's own textSummary lives in a remote jslib, which an offline run cannot import.
 */
export interface SummaryData {
  metrics: Record<string, { type: string; values: Record<string, number>; thresholds?: Record<string, { ok: boolean }> }>;
  state?: { testRunDurationMs?: number };
}

const fmt = (n: number | undefined, digits = 2) => (n === undefined ? '-' : n.toFixed(digits));

export function textSummary(data: SummaryData): string {
  const lines: string[] = ['', 'scaleproof k6 run (measured phase = scenario "measured")'];
  const reqs = data.metrics['http_reqs']?.values;
  const dur = data.metrics['http_req_duration']?.values;
  const failed = data.metrics['http_req_failed']?.values;
  lines.push(`  requests ${fmt(reqs?.count, 0)} (${fmt(reqs?.rate)}/s over the whole test), failed ${fmt((failed?.rate ?? 0) * 100)}%`);
  lines.push(`  latency ms (all phases): p50 ${fmt(dur?.med)}  p95 ${fmt(dur?.['p(95)'])}  p99 ${fmt(dur?.['p(99)'])}  max ${fmt(dur?.max)}`);
  const judged = Object.entries(data.metrics).filter(([, m]) => m.thresholds);
  if (judged.length) lines.push('  thresholds:');
  for (const [name, m] of judged) {
    for (const [expr, t] of Object.entries(m.thresholds ?? {})) lines.push(`    ${t.ok ? 'ok     ' : 'CROSSED'} ${name} ${expr}`);
  }
  return lines.join('\n') + '\n';
}
