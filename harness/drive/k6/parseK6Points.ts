/*
 * Reads k6's `--out json` stream (NDJSON, optionally .gz; one or several files) into the same per-endpoint
 * summaries the autocannon driver builds, through the one k6 point decoder (K6PointSink). Warm-up points (phase
 * tag "warmup", or scenario "warmup") are kept apart and reported on their own. Files are streamed in one pass
 * after a head scan for the timeline's second 0 (estimatePhaseStarts). Lenient: a line that is not JSON (a killed
 * run's cut last line) is counted in badLines, not fatal; mergeK6Shards is the strict reader.
 */
import type { EndpointSummary } from '../../model/RunSummary.ts';
import { estimatePhaseStarts } from './estimatePhaseStarts.ts';
import { forEachK6Line } from './forEachK6Line.ts';
import { K6PointSink, spanSeconds, type CacheCounts } from './K6PointSink.ts';

export type { CacheCounts } from './K6PointSink.ts';

export interface ParseK6PointsOptions {
  /** Epoch ms at which the measured phase began (timeline second 0). Default: the earliest measured request start. */
  measuredStartMs?: number | undefined;
  /** Measured seconds, for throughput. Default: from the first measured request start to the last response. */
  durationS?: number | undefined;
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

export async function parseK6Points(ndjson: string | readonly string[], opts: ParseK6PointsOptions = {}): Promise<K6Points> {
  const files = typeof ndjson === 'string' ? [ndjson] : [...ndjson];
  const starts = await estimatePhaseStarts(files);
  const sink = new K6PointSink({ measuredStartMs: opts.measuredStartMs ?? starts.measuredMs ?? 0, warmupStartMs: starts.warmupMs ?? 0 });
  for (const file of files) {
    const stats = await forEachK6Line(file, (line) => void sink.line(line));
    if (stats.unterminated !== null) sink.badLines++;
  }
  const span = sink.measuredSpan;
  const measuredStartMs = opts.measuredStartMs ?? (Number.isFinite(span.start) ? span.start : null);
  const durationS = opts.durationS ?? (measuredStartMs === null ? 0 : Math.max(0, (span.end - measuredStartMs) / 1000));
  const { endpoints, totals } = sink.summarize(durationS);
  const warmS = spanSeconds(sink.warmupSpan);
  const w = sink.warm.summarize(warmS).totals;
  return {
    endpoints,
    totals,
    measuredStartMs,
    durationS,
    warmup: { requests: w.requests, errors: w.errors, durationS: warmS, latencyMs: { p50: w.latencyMs.p50, p95: w.latencyMs.p95, p99: w.latencyMs.p99 } },
    droppedIterations: { ...sink.dropped },
    xCache: sink.xCache,
    files: files.length,
    badLines: sink.badLines,
  };
}
