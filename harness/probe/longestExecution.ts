/*
 * The longest single statement execution of the measured phase, from two pg_stat_statements snapshots.
 * max_exec_time is an all-time maximum (since the last reset), not a delta: a statement whose max rose during the
 * phase ran that long in it (exact); one whose max did not rise ran at most its old max, so only its phase mean is
 * known, and that mean stands in as a lower bound. The probe's own pg_stat_* reads are left out.
 */
import type { ServerSide } from '../model/RunSummary.ts';
import type { PgStatSnapshot } from './pgStats.ts';

const PROBE_QUERY = /\bpg_stat_statements\b|\bpg_stat_database\b|\bpg_extension\b/;

type Statements = NonNullable<PgStatSnapshot['statements']>;

export function longestExecution(before: Statements, after: Statements): NonNullable<ServerSide['statementMaxMs']> {
  let exact: { ms: number; query: string } | undefined;
  let bound: { ms: number; query: string } | undefined;
  for (const [id, s] of after) {
    if (PROBE_QUERY.test(s.query) || s.maxMs === undefined) continue;
    const prev = before.get(id);
    const calls = s.calls - (prev?.calls ?? 0);
    if (calls <= 0) continue;
    const query = s.query.replace(/\s+/g, ' ').slice(0, 200);
    if (prev?.maxMs === undefined || s.maxMs > prev.maxMs) {
      if (!exact || s.maxMs > exact.ms) exact = { ms: s.maxMs, query };
    } else {
      const mean = (s.totalMs - prev.totalMs) / calls;
      if (!bound || mean > bound.ms) bound = { ms: mean, query };
    }
  }
  if (!exact && !bound) return { value: null, query: null, exact: true };
  if (exact && (!bound || exact.ms >= bound.ms)) {
    const note = bound ? 'statements that did not raise their all-time max_exec_time in the phase are counted by their phase mean (a lower bound)' : undefined;
    return { value: exact.ms, query: exact.query, exact: true, ...(note ? { note } : {}) };
  }
  return { value: bound!.ms, query: bound!.query, exact: false, note: `lower bound: the slowest statement (${bound!.query.slice(0, 60)}) did not raise its all-time max_exec_time in the phase, so its phase mean stands in` };
}
