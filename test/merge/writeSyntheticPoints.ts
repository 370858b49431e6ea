/*
 * Writes a large k6 --out json file in the recorded fixture's shape: seg1's per-request blocks of points (the 15
 * metrics k6 writes per request, their tags and values) repeated at a higher rate with fresh timestamps, so a
 * merge of it does the same work per point as on real output. Streams in 4 MB writes: the generator's memory
 * stays small whatever the size.
 */
import fs from 'node:fs';
import { segmentFile } from './segmentFixtures.ts';

const TIME = /"time":"[^"]+"/;

export function writeSyntheticPoints(file: string, o: { points: number; requestsPerSecond: number; startMs: number }): { points: number; requests: number } {
  // Blocks: the Point lines from one http_reqs point to the next (one request each), split around their timestamps.
  const lines = fs.readFileSync(segmentFile('seg1', 'points.ndjson'), 'utf8').split('\n').filter((l) => l.includes('"type":"Point"') && !l.startsWith('{"metric":"vus'));
  const blocks: string[][][] = [];
  for (const l of lines) {
    if (l.startsWith('{"metric":"http_reqs"')) blocks.push([]);
    blocks.at(-1)?.push(l.split(TIME));
  }
  const fd = fs.openSync(file, 'w');
  let buf: string[] = [];
  let size = 0;
  let points = 0;
  let requests = 0;
  while (points < o.points) {
    const block = blocks[requests % blocks.length]!;
    const time = `"time":"${new Date(o.startMs + (requests * 1000) / o.requestsPerSecond).toISOString()}"`;
    requests++;
    for (const parts of block) {
      const line = parts.join(time) + '\n';
      buf.push(line);
      size += line.length;
      if (++points === o.points) break;
    }
    if (size > 4 << 20) {
      fs.writeSync(fd, buf.join(''));
      buf = [];
      size = 0;
    }
  }
  fs.writeSync(fd, buf.join(''));
  fs.closeSync(fd);
  return { points, requests };
}
