/*
 * Where the measured and warm-up timelines begin (epoch ms), read from the head of each k6 points file so the
 * points can then be recorded in ONE pass. k6 flushes its json output in time-ordered batches (one a second), so
 * the earliest request of a file is among its first lines; a request that still started earlier is counted in
 * second 0 (the recorder clamps), and the exact first start is tracked during the pass for the duration.
 */
import { forEachK6Line } from './forEachK6Line.ts';
import { isWarmupPoint } from './K6PointSink.ts';

/** Enough http_req_duration points to cover k6's first flush even at high rates. */
const HEAD_POINTS = 5000;
const DURATION_PREFIX = '{"metric":"http_req_duration","type":"Point"';

export async function estimatePhaseStarts(files: readonly string[]): Promise<{ measuredMs: number | null; warmupMs: number | null }> {
  let measured = Infinity;
  let warmup = Infinity;
  for (const file of files) {
    let seen = 0;
    await forEachK6Line(file, (line) => {
      if (!line.startsWith(DURATION_PREFIX) && !(line.includes('"http_req_duration"') && line.includes('"Point"'))) return;
      let rec: { metric?: string; data?: { time?: string; value?: number; tags?: Record<string, string> | null } };
      try {
        rec = JSON.parse(line);
      } catch {
        return;
      }
      if (rec.metric !== 'http_req_duration' || !rec.data) return;
      const start = Date.parse(rec.data.time ?? '') - Number(rec.data.value);
      if (!Number.isFinite(start)) return;
      if (isWarmupPoint(rec.data.tags ?? {})) warmup = Math.min(warmup, start);
      else measured = Math.min(measured, start);
      return ++seen < HEAD_POINTS;
    });
  }
  return { measuredMs: Number.isFinite(measured) ? measured : null, warmupMs: Number.isFinite(warmup) ? warmup : null };
}
