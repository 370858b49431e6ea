/*
 * replica_lag_s: the read replica's largest replay lag (s) sampled on the primary through the measured phase
 * (summary.environment.topology.replica.lag). Without a replica, or with one the primary does not list, the
 * threshold is "not measurable: why" (skipped and reported), never a silent pass.
 */
import type { RunSummary } from '../model/RunSummary.ts';
import type { Observation } from './observeThreshold.ts';

export function observeReplicaLag(summary: RunSummary): Observation {
  const replica = summary.environment.topology?.replica;
  const notMeasurable = (why: string): Observation => ({ observed: null, judged: false, note: `not measurable: ${why}` });
  if (!replica || replica.kind === 'off') return notMeasurable('the run had no read replica (--replica off, or a variant without one)');
  if (replica.kind === 'none') return notMeasurable('a replica was asked for but none was available (set DATABASE_REPLICA_URL)');
  const lag = replica.lag;
  if (!lag || lag.samples === 0 || lag.maxS === null) return notMeasurable('the primary listed no standby in pg_stat_replication during the run');
  return { observed: lag.maxS, judged: true, note: `p95 ${lag.p95S ?? 'n/a'} s over ${lag.samples} samples, at most ${lag.maxBytes ?? 'n/a'} bytes behind` };
}
