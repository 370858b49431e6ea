/*
 * Collects every response of the measured phase into per-endpoint HDR histograms and a per-second timeline.
 * Both drivers feed it (autocannon live, k6 from its NDJSON points), so their summaries are built the same way.
 */
import type { EndpointSummary, TimelinePoint } from '../model/RunSummary.ts';
import { createHistogram, encodeHistogram, latencyStats, recordMs, type Histogram } from './latencyHistogram.ts';

export interface ResponseSample {
  endpoint: string;
  /** HTTP status, or 0 for a transport error (timeout, reset). */
  status: number;
  latencyMs: number;
  /** Epoch milliseconds at which the response completed. */
  atMs: number;
  failed: boolean;
  xCache?: 'HIT' | 'MISS' | undefined;
}

interface Bucket {
  hist: Histogram;
  requests: number;
  errors: number;
  /** 5xx answers and transport errors (status 0): what a fault's impact counts per second. */
  serverErrors: number;
  transportErrors: number;
}

const newBucket = (): Bucket => ({ hist: createHistogram(), requests: 0, errors: 0, serverErrors: 0, transportErrors: 0 });

/*
 * The hot path writes each response into ONE histogram (its endpoint's current second); the endpoint's
 * whole-run histogram, the per-second totals and the run total are sums built once, in summarize().
 */
class EndpointRecord {
  readonly seconds = new Map<number, Bucket>();
  /** Keyed by the numeric status (0 = transport error): no string is built per response. */
  readonly statusCounts = new Map<number, number>();
  requests = 0;
  errors = 0;
  hits = 0;
  misses = 0;
  sawXCache = false;
  // Responses arrive in time order, so the current second's bucket is nearly always the last one used.
  #lastSecond = -1;
  #lastBucket: Bucket | undefined;

  add(s: ResponseSample, second: number): void {
    this.requests++;
    if (s.failed) this.errors++;
    this.statusCounts.set(s.status, (this.statusCounts.get(s.status) ?? 0) + 1);
    let b = second === this.#lastSecond ? this.#lastBucket : this.seconds.get(second);
    if (!b) this.seconds.set(second, (b = newBucket()));
    this.#lastSecond = second;
    this.#lastBucket = b;
    b.requests++;
    if (s.failed) b.errors++;
    if (s.status === 0) b.transportErrors++;
    else if (s.status >= 500) b.serverErrors++;
    recordMs(b.hist, s.latencyMs);
    if (s.xCache) {
      this.sawXCache = true;
      if (s.xCache === 'HIT') this.hits++;
      else this.misses++;
    }
  }
}

function summarize(records: readonly EndpointRecord[], durationS: number): EndpointSummary {
  const whole = createHistogram();
  const perSecond = new Map<number, Bucket>();
  const statusCounts: Record<string, number> = {};
  let requests = 0;
  let errors = 0;
  let hits = 0;
  let misses = 0;
  let sawXCache = false;
  for (const r of records) {
    requests += r.requests;
    errors += r.errors;
    hits += r.hits;
    misses += r.misses;
    sawXCache ||= r.sawXCache;
    for (const [status, n] of r.statusCounts) {
      const k = status === 0 ? 'error' : String(status);
      statusCounts[k] = (statusCounts[k] ?? 0) + n;
    }
    for (const [t, b] of r.seconds) {
      whole.add(b.hist);
      let acc = perSecond.get(t);
      if (!acc) perSecond.set(t, (acc = newBucket()));
      acc.hist.add(b.hist);
      acc.requests += b.requests;
      acc.errors += b.errors;
      acc.serverErrors += b.serverErrors;
      acc.transportErrors += b.transportErrors;
    }
  }
  const timeline: TimelinePoint[] = [...perSecond.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([t, b]) => {
      const l = latencyStats(b.hist);
      const point: TimelinePoint = { t, requests: b.requests, errors: b.errors, p50: l.p50, p95: l.p95, p99: l.p99, max: l.max };
      // Only when non-zero: the timeline stays as small as before for the usual error-free second.
      if (b.serverErrors) point.serverErrors = b.serverErrors;
      if (b.transportErrors) point.transportErrors = b.transportErrors;
      return point;
    });
  return {
    requests,
    errors,
    statusCounts,
    throughputRps: durationS > 0 ? requests / durationS : 0,
    latencyMs: latencyStats(whole),
    histogram: encodeHistogram(whole),
    timeline,
    xCache: sawXCache ? { hits, misses } : undefined,
  };
}

export class LatencyRecorder {
  readonly #startMs: number;
  readonly #endpoints = new Map<string, EndpointRecord>();
  #requests = 0;
  #errors = 0;

  /** @param startMs epoch ms at which the measured phase began (timeline second 0). */
  constructor(startMs: number) {
    this.#startMs = startMs;
  }

  record(s: ResponseSample): void {
    const second = Math.max(0, Math.floor((s.atMs - this.#startMs) / 1000));
    let e = this.#endpoints.get(s.endpoint);
    if (!e) this.#endpoints.set(s.endpoint, (e = new EndpointRecord()));
    e.add(s, second);
    this.#requests++;
    if (s.failed) this.#errors++;
  }

  get requests(): number {
    return this.#requests;
  }

  get errors(): number {
    return this.#errors;
  }

  /**
   * Endpoints and totals over the seconds [fromSecond, toSecond) of the phase only (a judging window), built
   * cheaply enough to run every second while load runs: requests, errors and latency stats from one merged
   * histogram; the histogram is encoded only when `encode` is set (a threshold on an unusual percentile needs it);
   * timeline, statusCounts and xCache are left empty (whole-run facts).
   */
  summarizeSeconds(fromSecond: number, toSecond: number, opts: { encode?: boolean } = {}): { endpoints: Record<string, EndpointSummary>; totals: EndpointSummary } {
    const durationS = Math.max(0, toSecond - fromSecond);
    const part = (records: readonly EndpointRecord[]): EndpointSummary => {
      const whole = createHistogram();
      let requests = 0;
      let errors = 0;
      for (const rec of records) {
        for (let t = fromSecond; t < toSecond; t++) {
          const b = rec.seconds.get(t);
          if (!b) continue;
          whole.add(b.hist);
          requests += b.requests;
          errors += b.errors;
        }
      }
      return {
        requests,
        errors,
        statusCounts: {},
        throughputRps: durationS > 0 ? requests / durationS : 0,
        latencyMs: latencyStats(whole),
        histogram: opts.encode ? encodeHistogram(whole) : '',
        timeline: [],
      };
    };
    const endpoints: Record<string, EndpointSummary> = {};
    for (const [name, rec] of this.#endpoints) endpoints[name] = part([rec]);
    return { endpoints, totals: part([...this.#endpoints.values()]) };
  }

  /** Requests and failures completed in the seconds [fromSecond, toSecond): no histogram work at all. */
  countSeconds(fromSecond: number, toSecond: number): { requests: number; errors: number } {
    let requests = 0;
    let errors = 0;
    for (const rec of this.#endpoints.values()) {
      for (let t = fromSecond; t < toSecond; t++) {
        const b = rec.seconds.get(t);
        if (b) {
          requests += b.requests;
          errors += b.errors;
        }
      }
    }
    return { requests, errors };
  }

  summarize(durationS: number): { endpoints: Record<string, EndpointSummary>; totals: EndpointSummary } {
    const endpoints: Record<string, EndpointSummary> = {};
    for (const [name, rec] of this.#endpoints) endpoints[name] = summarize([rec], durationS);
    return { endpoints, totals: summarize([...this.#endpoints.values()], durationS) };
  }
}
