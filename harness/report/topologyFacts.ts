/*
 * The run's topology as report lines: the pooler (which, version, mode, pool size, named statements or not) and
 * the replica (served reads or not, its lag during the run). What was asked for and not there is a warning, as
 * the in-process cache fallback is.
 */
import type { Topology } from '../model/Topology.ts';

export interface TopologyFact {
  label: string;
  value: string;
  warn?: boolean;
}

function fmtS(v: number | null): string {
  return v === null ? 'n/a' : v < 0.01 ? `${(v * 1000).toFixed(1)} ms` : `${v.toFixed(2)} s`;
}

export function poolerText(t: Topology['pooler']): string {
  if (t.kind === 'off') return 'off (direct connections)';
  if (t.kind === 'none') return 'asked for but NONE available: direct connections (no PGBOUNCER_URL, no pgbouncer on PATH)';
  const size = t.poolSize === undefined ? '' : `, ${t.poolSize} server connections per schema`;
  const named = t.namedStatements ? 'named statements kept' : 'statements sent unnamed (the pooler keeps no prepared statements)';
  return `${t.version ?? 'pgBouncer, version unknown'} (${t.kind === 'spawned' ? "harness's own" : 'PGBOUNCER_URL'}), ${t.mode ?? 'transaction'} mode${size}; ${named}`;
}

export function replicaText(t: Topology['replica']): string {
  if (t.kind === 'off') return 'off (every read on the primary)';
  if (t.kind === 'none') return 'asked for but NONE available: replica reads went to the primary (set DATABASE_REPLICA_URL)';
  const who = t.kind === 'spawned' ? "harness's own streaming standby" : 'DATABASE_REPLICA_URL';
  const lag = t.lag
    ? t.lag.samples > 0
      ? `; replay lag max ${fmtS(t.lag.maxS)}, p95 ${fmtS(t.lag.p95S)} (${t.lag.samples} samples), at most ${t.lag.maxBytes ?? 'n/a'} bytes behind`
      : '; replay lag not measurable (no standby in pg_stat_replication on the primary)'
    : '';
  return `${who}, ${t.servedReads ? 'served the replica reads' : 'served no reads'}${lag}`;
}

export function topologyFacts(t: Topology | undefined): TopologyFact[] {
  if (!t) return [];
  return [
    { label: 'Pooler', value: poolerText(t.pooler), warn: t.pooler.kind === 'none' },
    { label: 'Read replica', value: replicaText(t.replica), warn: t.replica.kind === 'none' },
  ];
}
