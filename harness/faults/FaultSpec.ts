/*
 * A fault to inject during the measured phase (`pnpm bench --fault SPEC`, repeatable):
 *   api-kill@30s         SIGKILL the API at 30 s, then restart it
 *   api-term@30s         SIGTERM the API (it drains), then restart it
 *   redis-down@20s+10s   Redis unavailable for 10 s from 20 s
 *   pg-restart@40s       restart Postgres at 40 s (+D keeps it down D seconds first)
 * Times are seconds into the measured phase ("30", "30s", "1m", "1m30s"); +D is how long the service stays down
 * (required for redis-down; optional for the others, default 0: restarted at once).
 */
import { ScaleproofError } from '../errors/ScaleproofError.ts';

export const FAULT_KINDS = ['api-kill', 'api-term', 'redis-down', 'pg-restart'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  /** As typed, for reports. */
  spec: string;
  kind: FaultKind;
  /** Seconds into the measured phase. */
  atS: number;
  /** Seconds the service stays down before it is brought back. */
  downS: number;
}

const TIME = String.raw`(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s?)?`;
const SPEC = new RegExp(String.raw`^(${FAULT_KINDS.join('|')})@${TIME}(?:\+${TIME})?$`);
const USAGE = `a fault is KIND@TIME[+DOWN], KIND one of ${FAULT_KINDS.join(', ')}, e.g. api-kill@30s or redis-down@20s+10s`;

function seconds(m: string | undefined, s: string | undefined): number | undefined {
  if (m === undefined && s === undefined) return undefined;
  return Number(m ?? 0) * 60 + Number(s ?? 0);
}

export function parseFaultSpec(raw: string): FaultSpec {
  const text = raw.trim();
  const m = SPEC.exec(text);
  const atS = m ? seconds(m[2], m[3]) : undefined;
  if (!m || atS === undefined) throw new ScaleproofError('SP_USAGE', `--fault ${JSON.stringify(raw)}: ${USAGE}`);
  const kind = m[1] as FaultKind;
  const hasDown = text.includes('+');
  const downS = seconds(m[4], m[5]);
  if (hasDown && downS === undefined) throw new ScaleproofError('SP_USAGE', `--fault ${JSON.stringify(raw)}: the part after + must be a duration like 10s`);
  if (kind === 'redis-down' && !(downS !== undefined && downS > 0)) {
    throw new ScaleproofError('SP_USAGE', `--fault ${JSON.stringify(raw)}: redis-down needs how long Redis stays down, e.g. redis-down@20s+10s`);
  }
  return { spec: text, kind, atS, downS: downS ?? 0 };
}

/** Checks a run's faults against its shape; every problem is found before any load. */
export function validateFaults(faults: readonly FaultSpec[], run: { durationS: number; repeat: number; target: boolean; driver: string; openModel: boolean }): void {
  if (faults.length === 0) return;
  const fail = (why: string) => {
    throw new ScaleproofError('SP_USAGE', `--fault: ${why}`);
  };
  if (run.target) fail('faults apply only to services scaleproof starts itself, never to a --target; drop --target or --fault');
  if (run.repeat !== 1) fail('faults run in a single measured trial; drop --repeat');
  if (run.driver !== 'autocannon' || run.openModel) fail('faults run with the closed-model autocannon driver only (it tracks acknowledged writes); drop --driver k6 / --rate');
  for (const f of faults) {
    if (f.atS + f.downS >= run.durationS) fail(`${f.spec} ends at ${f.atS + f.downS} s, not inside the ${run.durationS} s measured phase; lengthen --duration or move the fault earlier`);
  }
  const sorted = [...faults].sort((a, b) => a.atS - b.atS);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (sorted[i]!.atS < prev.atS + prev.downS) fail(`${sorted[i]!.spec} starts while ${prev.spec} is still in effect; space the faults out`);
  }
}
