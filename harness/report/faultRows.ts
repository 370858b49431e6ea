/* The faults table every report prints (one row per injected fault) and the acked-writes line, as text cells. */
import type { FaultRecord, RunSummary } from '../model/RunSummary.ts';
import { fmtCount, fmtRatio } from './formatValue.ts';

export const FAULT_HEADERS = ['fault', 'at s', 'back after s', 'first success s', 'errors stop s', 'p95 back s', 'recovery s', '5xx / transport during', '5xx / transport after', 'hit ratio after', 'acked lost'] as const;

const secs = (x: number | null) => (x === null ? 'never' : x.toFixed(2));

export function faultCells(f: FaultRecord): string[] {
  return [
    f.error ? `${f.spec} (failed: ${f.error})` : f.spec,
    f.atS.toFixed(2),
    secs(f.restoredAfterS),
    secs(f.firstSuccessAfterS),
    secs(f.errorsStopAfterS),
    secs(f.p95BackAfterS),
    secs(f.recoveryS),
    `${fmtCount(f.during.serverErrors)} / ${fmtCount(f.during.transportErrors)}`,
    `${fmtCount(f.after.serverErrors)} / ${fmtCount(f.after.transportErrors)}`,
    fmtRatio(f.cacheHitRatioAfter),
    f.ackedWritesLost === null ? 'n/a' : fmtCount(f.ackedWritesLost),
  ];
}

/** One line on acknowledged writes, or undefined when the run did not track them. */
export function ackedWritesLine(s: RunSummary): string | undefined {
  const a = s.ackedWrites;
  if (!a) return undefined;
  return `acknowledged writes (${a.endpoints.join(', ')}${a.ackMode ? `, ack=${a.ackMode}` : ''}): ${fmtCount(a.acknowledged)} answered 2xx of ${fmtCount(a.sent)} sent, ${fmtCount(a.stored)} stored, ${fmtCount(a.lost)} LOST${a.lost > 0 && s.faults?.length ? ` (${fmtCount(a.lostAfterLastFault)} after the last fault)` : ''}`;
}

/** The faults' spans for the over-time charts: from the action until recovery (or until the service was back). */
export function faultSpans(s: RunSummary): Array<{ label: string; atS: number; untilS: number }> {
  return (s.faults ?? []).map((f) => ({ label: f.spec, atS: f.atS, untilS: f.atS + (f.recoveryS ?? f.restoredAfterS ?? 0) }));
}
