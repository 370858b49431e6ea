/*
 * Per-window counters of an open-model phase, filled on the hot path (plain numbers and one HDR record per
 * arrival), turned into OpenWindow verdicts once the phase ends. In-flight is integrated exactly: every arrival
 * and completion adds (in-flight x elapsed) to the windows the elapsed time spans.
 */
import type { OpenValidityRule, OpenWindow } from '../../model/OpenModelBlock.ts';
import { createHistogram, recordMs, type Histogram } from '../latencyHistogram.ts';

export const OPEN_VALIDITY_RULE: Readonly<OpenValidityRule> = Object.freeze({
  minAchievedRatio: 0.95,
  maxScheduleLagP99Ms: 5,
  maxEventLoopLagP99Ms: 50,
  maxDriverCpuPercent: 90,
  littleRelTolerance: 0.25,
  littleAbsSlack: 1,
});

class Acc {
  offered = 0;
  sent = 0;
  completed = 0;
  errors = 0;
  late = 0;
  dropped = 0;
  latencySumMs = 0;
  inFlightArea = 0; // request x ms
  readonly lag: Histogram = createHistogram();
  eventLoopLagP99Ms: number | null = null;
  driverCpuPercent: number | null = null;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export class OpenWindowStats {
  readonly windowMs: number;
  readonly #acc: Acc[] = [];
  #inFlight = 0;
  #lastT = 0;

  constructor(windowS: number) {
    this.windowMs = windowS * 1000;
  }

  at(tMs: number): Acc {
    const i = Math.max(0, Math.floor(tMs / this.windowMs));
    while (this.#acc.length <= i) this.#acc.push(new Acc());
    return this.#acc[i]!;
  }

  /** Integrates in-flight up to tMs, then changes it by delta. */
  inFlight(tMs: number, delta: number): void {
    const w = this.windowMs;
    let last = this.#lastT;
    if (tMs > last) {
      while (Math.floor(last / w) < Math.floor(tMs / w)) {
        const boundary = (Math.floor(last / w) + 1) * w;
        this.at(last).inFlightArea += this.#inFlight * (boundary - last);
        last = boundary;
      }
      this.at(tMs).inFlightArea += this.#inFlight * (tMs - last);
      this.#lastT = tMs;
    }
    this.#inFlight += delta;
  }

  get current(): number {
    return this.#inFlight;
  }

  recordLag(tIntendedMs: number, lagMs: number): void {
    const a = this.at(tIntendedMs);
    a.offered++;
    recordMs(a.lag, lagMs);
  }

  /** Driver resources of the window that ended at tMs. */
  resources(tMs: number, eventLoopLagP99Ms: number, driverCpuPercent: number): void {
    const a = this.at(tMs - 1);
    a.eventLoopLagP99Ms = eventLoopLagP99Ms;
    a.driverCpuPercent = driverCpuPercent;
  }

  /** Verdicts for the windows inside [0, durationMs); a final sliver shorter than half a window is folded out. */
  finish(durationMs: number, rule: OpenValidityRule): OpenWindow[] {
    this.inFlight(durationMs, 0);
    const out: OpenWindow[] = [];
    const n = Math.ceil(durationMs / this.windowMs);
    for (let i = 0; i < n; i++) {
      const a = this.#acc[i] ?? new Acc();
      const startMs = i * this.windowMs;
      const lenMs = Math.min(this.windowMs, durationMs - startMs);
      if (lenMs < this.windowMs / 2 && i > 0) break;
      out.push(judge(i, startMs, lenMs, a, rule));
    }
    return out;
  }
}

function judge(index: number, startMs: number, lenMs: number, a: Acc, rule: OpenValidityRule): OpenWindow {
  const s = lenMs / 1000;
  const achievedRatio = a.offered > 0 ? a.completed / a.offered : null;
  const lag = a.lag.totalCount > 0 ? { p50: a.lag.getValueAtPercentile(50) / 1000, p99: a.lag.getValueAtPercentile(99) / 1000, max: a.lag.maxValue / 1000 } : { p50: 0, p99: 0, max: 0 };
  const inFlightMean = a.inFlightArea / lenMs;
  const achievedRps = a.completed / s;
  const littleExpected = a.completed > 0 ? achievedRps * (a.latencySumMs / a.completed / 1000) : 0;
  const reasons: string[] = [];
  if (achievedRatio !== null && achievedRatio < rule.minAchievedRatio) {
    reasons.push(`achieved ${a.completed} of ${a.offered} offered (${r3(achievedRatio)} < ${rule.minAchievedRatio}): the target (or the driver) fell behind the schedule`);
  }
  if (a.dropped > 0) reasons.push(`${a.dropped} arrivals dropped (never sent)`);
  if (lag.p99 > rule.maxScheduleLagP99Ms) reasons.push(`schedule lag p99 ${r3(lag.p99)} ms > ${rule.maxScheduleLagP99Ms} ms: the driver sent late`);
  if (a.eventLoopLagP99Ms !== null && a.eventLoopLagP99Ms > rule.maxEventLoopLagP99Ms) reasons.push(`driver event-loop lag p99 ${r3(a.eventLoopLagP99Ms)} ms > ${rule.maxEventLoopLagP99Ms} ms`);
  if (a.driverCpuPercent !== null && a.driverCpuPercent > rule.maxDriverCpuPercent) reasons.push(`driver CPU ${Math.round(a.driverCpuPercent)}% > ${rule.maxDriverCpuPercent}% of one core`);
  const littleGap = Math.abs(inFlightMean - littleExpected);
  if (littleGap > rule.littleRelTolerance * Math.max(inFlightMean, littleExpected) + rule.littleAbsSlack) {
    reasons.push(`Little's law off: mean in-flight ${r3(inFlightMean)} vs rate x latency ${r3(littleExpected)} (not a steady state)`);
  }
  return {
    index,
    startS: startMs / 1000,
    lengthS: s,
    offered: a.offered,
    sent: a.sent,
    completed: a.completed,
    errors: a.errors,
    late: a.late,
    dropped: a.dropped,
    offeredRps: a.offered / s,
    achievedRps,
    achievedRatio: achievedRatio === null ? null : r3(achievedRatio),
    scheduleLagMs: { p50: r3(lag.p50), p99: r3(lag.p99), max: r3(lag.max) },
    eventLoopLagP99Ms: a.eventLoopLagP99Ms === null ? null : r3(a.eventLoopLagP99Ms),
    driverCpuPercent: a.driverCpuPercent === null ? null : Math.round(a.driverCpuPercent * 10) / 10,
    inFlightMean: r3(inFlightMean),
    littleExpected: r3(littleExpected),
    valid: reasons.length === 0,
    reasons,
  };
}
