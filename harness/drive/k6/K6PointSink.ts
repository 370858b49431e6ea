/*
 * Where k6 `--out json` lines go: the one decoder of k6 points in the project. parseK6Points (one run) and
 * mergeK6Shards (several k6 instances) both feed lines here. Every http_req_duration point of the measured phase
 * goes into the shared LatencyRecorder under its `endpoint` tag (so k6 and autocannon summaries are built the same
 * way), with the `status` tag and k6's `expected_response` tag as failure; warm-up points (phase tag "warmup", or
 * scenario "warmup") go to a recorder of their own. Counter metrics are summed.
 * Speed: only http_req_duration and dropped_iterations lines are JSON-parsed; the other points (14 of every 15 k6
 * writes) are recognised by their `{"metric":"<name>","type":"Point"` prefix, the layout k6 writes, and counters
 * and cache_hit read their value (and endpoint tag) in place. Lines in another key order fall back to JSON.parse.
 */
import type { EndpointSummary } from '../../model/RunSummary.ts';
import { LatencyRecorder, type ResponseSample } from '../LatencyRecorder.ts';
import { WARMUP_SCENARIO } from './toK6Thresholds.ts';

export interface CacheCounts {
  hits: number;
  misses: number;
}

export interface K6Point {
  metric: string;
  timeMs: number;
  value: number;
  tags: Record<string, string>;
}

/** One k6 instance's own numbers (or one file's), kept beside the merged histograms. */
export interface ShardTally {
  points: number;
  requests: number;
  errors: number;
  endpoints: Record<string, { requests: number; errors: number }>;
  droppedIterations: number;
  /** Every counter metric (http_reqs, iterations, data_sent, ...) summed over the file. */
  counters: Record<string, number>;
  /** Epoch ms of the first measured request start and the last response. */
  firstMs: number;
  lastMs: number;
}

export const newShardTally = (): ShardTally => ({ points: 0, requests: 0, errors: 0, endpoints: {}, droppedIterations: 0, counters: {}, firstMs: Infinity, lastMs: -Infinity });

const PREFIX = '{"metric":"';
const POINT_AFTER_NAME = '","type":"Point"';
/** Points that need their tags: everything else is counted (and counters summed) without a parse. */
const PARSED = new Set(['http_req_duration', 'cache_hit', 'dropped_iterations']);
/** k6's built-in counters; a script's own counters are learnt from their Metric declaration lines. */
const BUILTIN_COUNTERS = ['http_reqs', 'iterations', 'data_sent', 'data_received', 'dropped_iterations'];

export const isWarmupPoint = (tags: Record<string, string>) => (tags.phase ?? (tags.scenario === WARMUP_SCENARIO ? 'warmup' : 'measured')) === 'warmup';

function sample(p: K6Point): ResponseSample {
  const status = Number(p.tags.status ?? 0) || 0;
  // expected_response is k6's own verdict (responseCallback); without it, fall back to transport error or >= 400.
  const expected = p.tags.expected_response;
  const failed = expected === undefined ? status === 0 || status >= 400 : expected !== 'true';
  return { endpoint: p.tags.endpoint ?? p.tags.name ?? 'unknown', status, latencyMs: p.value, atMs: p.timeMs, failed };
}

interface Span {
  start: number;
  end: number;
}

export interface K6SinkOptions {
  /** Timeline second 0 of the measured and warm-up phases (epoch ms). */
  measuredStartMs: number;
  warmupStartMs: number;
  /** Called with the tags of every parsed point (the merge checks each shard's test tags on them). */
  onTags?: ((tags: Record<string, string>) => void) | undefined;
}

export class K6PointSink {
  readonly measured: LatencyRecorder;
  readonly warm: LatencyRecorder;
  readonly xCache: Record<string, CacheCounts> = {};
  readonly dropped = { measured: 0, warmup: 0 };
  readonly measuredSpan: Span = { start: Infinity, end: -Infinity };
  readonly warmupSpan: Span = { start: Infinity, end: -Infinity };
  badLines = 0;
  firstBadLine: string | null = null;
  readonly #counters = new Set(BUILTIN_COUNTERS);
  readonly #onTags: K6SinkOptions['onTags'];
  #tally: ShardTally = newShardTally();

  constructor(o: K6SinkOptions) {
    this.measured = new LatencyRecorder(o.measuredStartMs);
    this.warm = new LatencyRecorder(o.warmupStartMs);
    this.#onTags = o.onTags;
  }

  /** Counts what follows into this tally (one per k6 instance in a merge). */
  useTally(t: ShardTally): void {
    this.#tally = t;
  }

  /** Takes one NDJSON line; returns false when it is not a k6 record (counted in badLines). */
  line(line: string): boolean {
    if (line.startsWith(PREFIX)) {
      const end = line.indexOf('"', PREFIX.length);
      if (end > 0 && line.startsWith(POINT_AFTER_NAME, end) && line.charCodeAt(line.length - 1) === 125 /* } */) {
        const metric = line.slice(PREFIX.length, end);
        if (metric === 'cache_hit' && this.#cacheHitInPlace(line, end)) return true;
        if (!PARSED.has(metric)) {
          this.#tally.points++;
          if (this.#counters.has(metric)) {
            const at = line.indexOf('"value":', end);
            const v = at < 0 ? NaN : Number.parseFloat(line.slice(at + 8, at + 40));
            if (Number.isFinite(v)) this.#tally.counters[metric] = (this.#tally.counters[metric] ?? 0) + v;
          }
          return true;
        }
      }
    }
    let rec: { type?: string; metric?: string; data?: { name?: string; type?: string; time?: string; value?: number; tags?: Record<string, string> | null } };
    try {
      rec = JSON.parse(line);
    } catch {
      return this.#bad(line);
    }
    if (typeof rec !== 'object' || rec === null) return this.#bad(line);
    if (rec.type === 'Metric') {
      if (rec.data?.type === 'counter' && rec.data.name) this.#counters.add(rec.data.name);
      return true;
    }
    if (rec.type !== 'Point' || !rec.metric || !rec.data) return true;
    this.point({ metric: rec.metric, timeMs: Date.parse(rec.data.time ?? ''), value: Number(rec.data.value), tags: rec.data.tags ?? {} });
    return true;
  }

  point(p: K6Point): void {
    const t = this.#tally;
    t.points++;
    if (this.#counters.has(p.metric) && Number.isFinite(p.value)) t.counters[p.metric] = (t.counters[p.metric] ?? 0) + p.value;
    if (!PARSED.has(p.metric)) return;
    this.#onTags?.(p.tags);
    const warmup = isWarmupPoint(p.tags);
    if (p.metric === 'http_req_duration') {
      const s = sample(p);
      const span = warmup ? this.warmupSpan : this.measuredSpan;
      span.start = Math.min(span.start, p.timeMs - p.value); // the point is stamped when the response ended
      span.end = Math.max(span.end, p.timeMs);
      if (warmup) return this.warm.record(s);
      this.measured.record(s);
      t.requests++;
      const e = (t.endpoints[s.endpoint] ??= { requests: 0, errors: 0 });
      e.requests++;
      if (s.failed) {
        t.errors++;
        e.errors++;
      }
      t.firstMs = Math.min(t.firstMs, p.timeMs - p.value);
      t.lastMs = Math.max(t.lastMs, p.timeMs);
    } else if (p.metric === 'cache_hit' && !warmup) {
      const c = (this.xCache[p.tags.endpoint ?? 'unknown'] ??= { hits: 0, misses: 0 });
      if (p.value) c.hits++;
      else c.misses++;
    } else if (p.metric === 'dropped_iterations') {
      this.dropped[warmup ? 'warmup' : 'measured'] += p.value;
      if (!warmup) t.droppedIterations += p.value;
    }
  }

  /**
   * cache_hit points are as many as the reads: their value and endpoint tag are read in place. Only the common
   * shape (no phase tag, not the warm-up scenario) is taken here; anything else goes through JSON.parse.
   */
  #cacheHitInPlace(line: string, from: number): boolean {
    if (line.includes('"phase":') || line.includes('"scenario":"warmup"')) return false;
    const at = line.indexOf('"value":', from);
    const ep = line.indexOf('"endpoint":"', from);
    if (at < 0 || ep < 0) return false;
    const epEnd = line.indexOf('"', ep + 12);
    const v = Number.parseFloat(line.slice(at + 8, at + 40));
    if (epEnd < 0 || !Number.isFinite(v)) return false;
    this.#tally.points++;
    const c = (this.xCache[line.slice(ep + 12, epEnd)] ??= { hits: 0, misses: 0 });
    if (v) c.hits++;
    else c.misses++;
    return true;
  }

  #bad(line: string): false {
    this.badLines++;
    this.firstBadLine ??= line.slice(0, 120);
    return false;
  }

  /** Per-endpoint and total summaries of the measured phase, with the X-Cache counts on their endpoints. */
  summarize(durationS: number): { endpoints: Record<string, EndpointSummary>; totals: EndpointSummary } {
    const out = this.measured.summarize(durationS);
    for (const [name, counts] of Object.entries(this.xCache)) {
      const ep = out.endpoints[name];
      if (ep) ep.xCache = { ...counts };
    }
    return out;
  }
}

/** Seconds between a span's start and end (0 when empty). */
export const spanSeconds = (s: Span) => (s.end > s.start ? (s.end - s.start) / 1000 : 0);
