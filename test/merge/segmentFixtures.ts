/*
 * The recorded k6 v1.3.0 run split over three execution segments (test/fixtures/k6/segments, a copy of the
 * project's shared fixtures): paths, a plain reader of raw samples used as the tests' oracle, and tagged copies
 * that carry the tags `k6 run --tag ...` would have stamped on every point (k6Segments.instanceArgs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fixturesDir } from '../drive/k6/k6Fixtures.ts';

export const SEGMENTS = ['seg1', 'seg2', 'seg3'] as const;
export type SegmentName = (typeof SEGMENTS)[number] | 'full';
export const segmentsDir = path.join(fixturesDir, 'segments');
export const shardDir = (name: SegmentName) => path.join(segmentsDir, name);
export const segmentFile = (name: SegmentName, file: string) => path.join(segmentsDir, name, file);

export function summaryExport(name: SegmentName): { metrics: Record<string, Record<string, number>> } {
  return JSON.parse(fs.readFileSync(segmentFile(name, 'summary-export.json'), 'utf8'));
}

/** http_req_duration samples (ms) of some segments, optionally of one endpoint. */
export function durations(names: readonly SegmentName[], endpoint?: string): number[] {
  const out: number[] = [];
  for (const name of names) {
    for (const line of fs.readFileSync(segmentFile(name, 'points.ndjson'), 'utf8').split('\n')) {
      if (!line) continue;
      const rec = JSON.parse(line) as { type: string; metric: string; data: { value: number; tags: Record<string, string> } };
      if (rec.type === 'Point' && rec.metric === 'http_req_duration' && (!endpoint || rec.data.tags.endpoint === endpoint)) out.push(rec.data.value);
    }
  }
  return out;
}

/** A copy of a segment's shard folder whose points carry the given tags, as k6 --tag writes them. */
export function taggedCopy(name: SegmentName, dest: string, tags: Record<string, string>): string {
  const add = Object.entries(tags).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',');
  const text = fs.readFileSync(segmentFile(name, 'points.ndjson'), 'utf8')
    .split('\n')
    .map((l) => (l.includes('"type":"Point"') ? l.replace('"tags":{}', `"tags":{${add}}`).replace(/"tags":\{(?=")/, `"tags":{${add},`) : l))
    .join('\n');
  fs.mkdirSync(dest, { recursive: true });
  fs.writeFileSync(path.join(dest, 'points.ndjson'), text);
  return dest;
}

/** Tags of instance i (1-based) of 3 of test `testId`. */
export const segmentTags = (i: number, testId = 'a1b2c3d4e5f60718', sequence = '0_1/3_2/3_1') => ({ instance_id: String(i), sp_test: testId, sp_sequence: sequence });
