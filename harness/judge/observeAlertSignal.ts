/*
 * Observations of the server-side signals the plans' alert rules name (issue #16 section 4): slowest statement,
 * partitions, write-buffer backlog and failures, pool usage, database CPU. A signal its probe could not read is
 * "not measurable: why" (skipped, reported), never a silent pass.
 */
import type { RunSummary } from '../model/RunSummary.ts';
import type { Observation } from './observeThreshold.ts';
import type { ParsedThreshold } from './ThresholdSet.ts';

const value = (observed: number): Observation => ({ observed, judged: true });
const notMeasurable = (why: string): Observation => ({ observed: null, judged: false, note: `not measurable: ${why}` });

const NO_SAMPLER = 'nothing was sampled during the measured phase (a --target run, or a k6 merge)';

export function observeAlertSignal(summary: RunSummary, th: ParsedThreshold): Observation | undefined {
  const server = summary.server;
  const sampled = server.sampled;
  switch (th.metric) {
    case 'statement_max_ms': {
      const s = server.statementMaxMs;
      if (s === undefined) return notMeasurable('pg_stat_statements could not be read on this Postgres (it must be in shared_preload_libraries; embedded Postgres has it)');
      if (s.value === null) return { observed: 0, judged: true, note: 'no statement ran in the measured phase' };
      return { observed: s.value, judged: true, ...(s.note ? { note: s.note } : {}) };
    }
    case 'partitions_missing': {
      const p = server.partitions;
      if (p === undefined) return notMeasurable("no partition probe ran (the workload declares no monthly partitioned tables, or the run had no database of its own: --target)");
      if (p.error !== undefined) return { observed: null, judged: true, note: `partition probe failed: ${p.error}` };
      const judged = Object.entries(p.tables).filter(([, t]) => t.partitioned !== false);
      if (judged.length === 0) return notMeasurable(`this variant RANGE-partitions none of ${Object.keys(p.tables).join(', ') || 'the declared tables'}`);
      const missing = judged.filter(([, t]) => !t.covered).map(([name]) => name);
      return { observed: p.missing, judged: true, ...(missing.length ? { note: `no partition covers now() for: ${missing.join(', ')}` } : {}) };
    }
    case 'write_buffer_depth_max': {
      if (!sampled) return notMeasurable(NO_SAMPLER);
      return sampled.writeBufferDepthMax === null ? notMeasurable(sampled.notMeasurable.writeBufferDepthMax ?? 'the API reported no write-buffer depth') : value(sampled.writeBufferDepthMax);
    }
    case 'write_buffer_flush_failures': {
      const w = server.writeBuffer;
      if (!w) return notMeasurable('the API reported no write-buffer counters (no /metrics, or a --target run)');
      return value(w.failures);
    }
    case 'db_pool_usage_max': {
      if (!sampled) return notMeasurable(NO_SAMPLER);
      return sampled.poolUsageMax === null ? notMeasurable(sampled.notMeasurable.poolUsageMax ?? 'the API reported no pool size') : value(sampled.poolUsageMax);
    }
    case 'db_cpu_percent': {
      if (!sampled) return notMeasurable(NO_SAMPLER);
      return sampled.dbCpuPercent === null ? notMeasurable(sampled.notMeasurable.dbCpuPercent ?? 'Postgres is not a process of this machine') : value(sampled.dbCpuPercent);
    }
    default:
      return undefined;
  }
}
