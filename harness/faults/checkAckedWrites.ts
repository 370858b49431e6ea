/*
 * After the run (the API stopped, so a buffered API has flushed what it could): which writes answered 2xx are
 * in Postgres, by write id, exactly. Losses are attributed to the fault that followed their acknowledgement.
 */
import type { AckedWrites } from '../model/RunSummary.ts';
import type { AckedWriteCheck } from '../workload/Workload.ts';
import type { WriteLedger } from './WriteLedger.ts';

export interface AckedWriteOutcome {
  summary: AckedWrites;
  /** Phase seconds (relative to t0) at which each lost write had been acknowledged. */
  lostAckSeconds: number[];
}

export async function checkAckedWrites(o: {
  check: AckedWriteCheck;
  ledger: WriteLedger;
  databaseUrl: string;
  since: Date;
  /** performance.now() ms of the measured phase's start; the ledger's clock. */
  t0: number;
  /** When the last fault's action was done (phase seconds), if any. */
  lastFaultAtS?: number | undefined;
  ackMode?: 'buffered' | 'committed' | undefined;
}): Promise<AckedWriteOutcome> {
  const ids = o.ledger.ackedIds();
  const stored = await o.check.storedIds(o.databaseUrl, ids, o.since);
  const times = o.ledger.ackTimes();
  const lostAckSeconds = ids.filter((id) => !stored.has(id)).map((id) => (times.get(id)! - o.t0) / 1000);
  const last = o.lastFaultAtS;
  return {
    summary: {
      endpoints: [...o.check.endpoints],
      sent: o.ledger.sent,
      acknowledged: ids.length,
      stored: ids.length - lostAckSeconds.length,
      lost: lostAckSeconds.length,
      lostAfterLastFault: last === undefined ? lostAckSeconds.length : lostAckSeconds.filter((s) => s >= last).length,
      ackMode: o.ackMode,
    },
    lostAckSeconds,
  };
}
