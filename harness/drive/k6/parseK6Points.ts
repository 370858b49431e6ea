/*
 * Reads k6's `--out json` stream (NDJSON, optionally .gz; one or several files, e.g. one per k6 instance run with
 * --execution-segment) into the same per-endpoint summaries the autocannon driver builds: every http_req_duration
 * point of the measured phase goes into the shared LatencyRecorder under its `endpoint` tag, with the `status` tag
 * and k6's `expected_response` tag (the same verdict as http_req_failed) as failure. Warm-up points (phase tag
 * "warmup", or scenario "warmup") are kept apart and reported on their own. Files are streamed line by line.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import type { EndpointSummary } from '../../model/RunSummary.ts';
import { LatencyRecorder, type ResponseSample } from '../LatencyRecorder.ts';
import { WARMUP_SCENARIO } from './toK6Thresholds.ts';

export interface ParseK6PointsOptions {
  /** Epoch ms at which the measured phase began (timeline second 0). Default: the earliest measured request start. */
  measuredStartMs?: number | undefined;
  /** Measured seconds, for throughput. Default: from the first measured request start to the last response. */
  durationS?: number | undefined;
}

export interface CacheCounts {
  hits: number;
  misses: number;
}

export interface K6Points {
  endpoints: Record<string, EndpointSummary>;
  totals: EndpointSummary;
  measuredStartMs: number | null;
  durationS: number;
  warmup: { requests: number; errors: number; durationS: number; latencyMs: { p50: number; p95: number; p99: number } };
  droppedIterations: { measured: number; warmup: number };
  /** From the script's cache_hit Rate points (X-Cache header), measured phase, per endpoint. */
  xCache: Record<string, CacheCounts>;
  files: number;
  /** Lines that were not JSON (a truncated last line of a killed run); counted, not fatal. */
  badLines: number;
}

interface Point {
  metric: string;
  timeMs: number;
  value: number;
  tags: Record<string, string>;
}

async function* points(files: readonly string[], onBadLine: () => void): AsyncGenerator<Point> {
  for (const file of files) {
    const raw = fs.createReadStream(file);
    const input = file.endsWith('.gz') ? raw.pipe(zlib.createGunzip()) : raw;
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      if (!line) continue;
      let rec: { type?: string; metric?: string; data?: { time?: string; value?: number; tags?: Record<string, string> | null } };
      try {
        rec = JSON.parse(line);
      } catch {
        onBadLine();
        continue;
      }
      if (rec.type !== 'Point' || !rec.metric || !rec.data) continue;
      yield { metric: rec.metric, timeMs: Date.parse(rec.data.time ?? ''), value: Number(rec.data.value), tags: rec.data.tags ?? {} };
    }
  }
}

const isWarmup = (tags: Record<string, string>) => (tags.phase ?? (tags.scenario === WARMUP_SCENARIO ? 'warmup' : 'measured')) === 'warmup';

function sample(p: Point): ResponseSample {
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

async function spans(files: readonly string[]): Promise<{ measured: Span; warmup: Span }> {
  const measured = { start: Infinity, end: -Infinity };
  const warmup = { start: Infinity, end: -Infinity };
  for await (const p of points(files, () => {})) {
    if (p.metric !== 'http_req_duration') continue;
    const s = isWarmup(p.tags) ? warmup : measured;
    s.start = Math.min(s.start, p.timeMs - p.value); // the point is stamped when the response ended
    s.end = Math.max(s.end, p.timeMs);
  }
  return { measured, warmup };
}

const seconds = (s: Span) => (s.end > s.start ? (s.end - s.start) / 1000 : 0);

export async function parseK6Points(ndjson: string | readonly string[], opts: ParseK6PointsOptions = {}): Promise<K6Points> {
  const files = typeof ndjson === 'string' ? [ndjson] : [...ndjson];
  const span = await spans(files);
  const measuredStartMs = opts.measuredStartMs ?? (Number.isFinite(span.measured.start) ? span.measured.start : null);
  const measured = new LatencyRecorder(measuredStartMs ?? 0);
  const warm = new LatencyRecorder(Number.isFinite(span.warmup.start) ? span.warmup.start : 0);
  const xCache: Record<string, CacheCounts> = {};
  const dropped = { measured: 0, warmup: 0 };
  let badLines = 0;

  for await (const p of points(files, () => badLines++)) {
    const warmup = isWarmup(p.tags);
    if (p.metric === 'http_req_duration') {
      (warmup ? warm : measured).record(sample(p));
    } else if (p.metric === 'cache_hit' && !warmup) {
      const c = (xCache[p.tags.endpoint ?? 'unknown'] ??= { hits: 0, misses: 0 });
      if (p.value) c.hits++;
      else c.misses++;
    } else if (p.metric === 'dropped_iterations') {
      dropped[warmup ? 'warmup' : 'measured'] += p.value;
    }
  }

  const durationS = opts.durationS ?? (measuredStartMs === null ? 0 : Math.max(0, (span.measured.end - measuredStartMs) / 1000));
  const { endpoints, totals } = measured.summarize(durationS);
  for (const [name, counts] of Object.entries(xCache)) {
    const ep = endpoints[name];
    if (ep) ep.xCache = { ...counts };
  }
  const w = warm.summarize(seconds(span.warmup)).totals;
  return {
    endpoints,
    totals,
    measuredStartMs,
    durationS,
    warmup: { requests: w.requests, errors: w.errors, durationS: seconds(span.warmup), latencyMs: { p50: w.latencyMs.p50, p95: w.latencyMs.p95, p99: w.latencyMs.p99 } },
    droppedIterations: dropped,
    xCache,
    files: files.length,
    badLines,
  };
}
