/*
 * What each fault did to the measured run, from the per-second timelines the drivers record and the fault
 * runner's own clock (see FaultRecord in harness/model/RunSummary.ts for each figure). A fault's window runs from
 * its action to the next fault's action (or the end of the phase); "during" is the window up to the later of
 * the service being back and the first successful probe, "after" is the rest of it.
 */
import type { EndpointSummary, FaultRecord, TimelinePoint } from '../model/RunSummary.ts';
import { parseThresholdExpression } from '../judge/parseThresholdExpression.ts';
import { parseThresholdKey } from '../judge/parseThresholdKey.ts';
import { expressionOf, type ThresholdSet } from '../judge/ThresholdSet.ts';
import type { ApiMetricsSnapshot } from '../probe/apiMetrics.ts';
import type { FaultEvent } from './runFaults.ts';

/** Seconds in a row that must be settled (see `settled` below) before a fault counts as recovered. */
const SETTLED_SECONDS = 3;
/** A settled second answers at least this share of the requests per second of the 10 s before the fault. */
const THROUGHPUT_SHARE = 0.5;
const BASELINE_SECONDS = 10;

export interface FaultImpactInput {
  events: readonly FaultEvent[];
  endpoints: Readonly<Record<string, EndpointSummary | undefined>>;
  totals: EndpointSummary;
  durationS: number;
  thresholds: ThresholdSet;
  /** Lost acknowledged writes, by the phase second of their acknowledgement; undefined when writes were not tracked. */
  lostAckSeconds?: readonly number[] | undefined;
}

/** p(95) bounds per endpoint ("*" for an untagged http_req_duration line): the budget recovery is judged against. */
export function p95Budgets(thresholds: ThresholdSet): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, specs] of Object.entries(thresholds)) {
    const k = parseThresholdKey(key);
    if (k.metric !== 'http_req_duration' || Object.keys(k.tags).some((t) => t !== 'endpoint')) continue;
    for (const spec of specs) {
      const e = parseThresholdExpression(expressionOf(spec), key);
      if (e.aggregation !== 'p' || e.percentile !== 95 || !(e.operator === '<' || e.operator === '<=')) continue;
      const name = k.tags.endpoint ?? '*';
      out.set(name, Math.min(out.get(name) ?? Infinity, e.bound));
    }
  }
  return out;
}

const faultErrors = (p: TimelinePoint | undefined) => (p?.serverErrors ?? 0) + (p?.transportErrors ?? 0);

function bySecond(timeline: readonly TimelinePoint[]): Map<number, TimelinePoint> {
  return new Map(timeline.map((p) => [p.t, p]));
}

function counts(totals: Map<number, TimelinePoint>, from: number, to: number) {
  const c = { requests: 0, serverErrors: 0, transportErrors: 0, otherErrors: 0 };
  for (let t = from; t < to; t++) {
    const p = totals.get(t);
    if (!p) continue;
    c.requests += p.requests;
    c.serverErrors += p.serverErrors ?? 0;
    c.transportErrors += p.transportErrors ?? 0;
    c.otherErrors += p.errors - (p.serverErrors ?? 0) - (p.transportErrors ?? 0);
  }
  return c;
}

function hitRatio(a: ApiMetricsSnapshot | undefined, b: ApiMetricsSnapshot | undefined): number | null {
  if (!a || !b) return null;
  const hits = b.cacheHits - a.cacheHits;
  const misses = b.cacheMisses - a.cacheMisses;
  return hits >= 0 && misses >= 0 && hits + misses > 0 ? hits / (hits + misses) : null;
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export function faultImpact(i: FaultImpactInput): FaultRecord[] {
  const totals = bySecond(i.totals.timeline);
  const budgets = p95Budgets(i.thresholds);
  const budgeted = [...budgets.entries()].map(([name, ms]) => ({ ms, seconds: name === '*' ? totals : bySecond(i.endpoints[name]?.timeline ?? []) }));
  const withinBudget = (t: number) => faultErrors(totals.get(t)) === 0 && budgeted.every((b) => (b.seconds.get(t)?.p95 ?? 0) <= b.ms);
  // A stall answers few requests, and the ones it holds land (slow) in later seconds: a second that answers
  // less than half the pre-fault rate is not settled, however good its few latencies look.
  const baselineOf = (from: number) => {
    let n = 0;
    let sum = 0;
    for (let t = Math.max(0, from - BASELINE_SECONDS); t < from; t++, n++) sum += totals.get(t)?.requests ?? 0;
    return n > 0 ? sum / n : undefined;
  };

  return i.events.map((e, k) => {
    const windowEnd = Math.min(i.durationS, i.events[k + 1]?.atS ?? i.durationS);
    const from = Math.floor(e.atS);
    const end = Math.max(from, Math.ceil(windowEnd));
    const wholeEnd = Math.max(from + 1, Math.floor(windowEnd)); // the last, partial second does not settle
    const baseline = baselineOf(from);
    const settled = (t: number) => withinBudget(t) && (baseline === undefined || (totals.get(t)?.requests ?? 0) >= THROUGHPUT_SHARE * baseline);
    const backAt = Math.max(e.restoredAtS ?? windowEnd, e.firstSuccessAtS ?? windowEnd);
    const split = Math.min(end, Math.max(from, Math.ceil(backAt)));

    let lastError = -1;
    for (let t = from; t < end; t++) if (faultErrors(totals.get(t)) > 0) lastError = t;
    const errorsStopAfterS = lastError < 0 ? 0 : lastError + 1 - e.atS;
    let settledFrom: number | null = null;
    for (let t = from; t < wholeEnd && settledFrom === null; t++) {
      let ok = true;
      for (let u = t; u < Math.min(t + SETTLED_SECONDS, wholeEnd); u++) ok &&= settled(u);
      if (ok) settledFrom = t;
    }
    const p95BackAfterS = settledFrom === null ? null : Math.max(0, settledFrom - e.atS);
    const firstSuccessAfterS = e.firstSuccessAtS === null ? null : e.firstSuccessAtS - e.atS;
    const parts = [firstSuccessAfterS, errorsStopAfterS, p95BackAfterS];
    const recoveryS = e.error || parts.some((x) => x === null) ? null : Math.max(...(parts as number[]));

    // A write acknowledged between the previous fault's action and the end of this one's (an API answers until
    // the moment it dies) is this fault's to lose.
    const doneAt = (x: FaultEvent) => x.actedAtS ?? x.atS;
    const prevAt = k === 0 ? -Infinity : doneAt(i.events[k - 1]!);
    const apiRestarted = e.spec.kind === 'api-kill' || e.spec.kind === 'api-term';
    const record: FaultRecord = {
      spec: e.spec.spec,
      kind: e.spec.kind,
      method: e.method,
      atS: round(e.atS)!,
      downS: e.spec.downS,
      restoredAfterS: round(e.restoredAtS === null ? null : e.restoredAtS - e.atS),
      firstSuccessAfterS: round(firstSuccessAfterS),
      errorsStopAfterS: round(errorsStopAfterS),
      p95BackAfterS: round(p95BackAfterS),
      recoveryS: round(recoveryS),
      during: counts(totals, from, split),
      after: counts(totals, split, end),
      // Across an API restart the counters start again at 0: "during" has no before/after pair in one process.
      cacheHitRatioDuring: apiRestarted ? null : round(hitRatio(e.api.start, e.api.restored)),
      cacheHitRatioAfter: round(hitRatio(e.api.restored, e.api.end)),
      ackedWritesLost: i.lostAckSeconds ? i.lostAckSeconds.filter((s) => s >= prevAt && s < doneAt(e)).length : null,
    };
    if (e.error) record.error = e.error;
    return record;
  });
}
