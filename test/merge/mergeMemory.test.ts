import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';
import { repoRoot } from '../drive/k6/k6Fixtures.ts';
import { writeSyntheticPoints } from './writeSyntheticPoints.ts';

const POINTS = 5_000_000;
const RSS_LIMIT = 300 * 1024 * 1024;
let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-merge-mem-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('bench:merge memory', () => {
  it(`merges a synthetic ${POINTS.toLocaleString('en')}-point NDJSON under 300 MB RSS, measured in its own process`, async () => {
    const file = path.join(tmp, 'points.ndjson');
    // 5,000 requests/s: a ~70 s test, so the per-second histograms are those of a real run of that length.
    const written = writeSyntheticPoints(file, { points: POINTS, requestsPerSecond: 5000, startMs: Date.parse('2026-11-28T13:00:00Z') });
    const r = await runCli(path.join(repoRoot, 'scripts/benchMerge.ts'), [file, '--json', '--out', path.join(tmp, 'out')], {});
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout.trim());
    expect(j.points).toBe(POINTS);
    expect(j.requests).toBeGreaterThanOrEqual(written.requests - 1);
    expect(j.requests).toBeLessThanOrEqual(written.requests);
    expect(j.maxRssBytes).toBeLessThan(RSS_LIMIT);
    // The figure the README quotes (bench:merge --json prints it on every run).
    console.log(`bench:merge: ${j.points} points (${(j.bytes / 1e6).toFixed(0)} MB) in ${j.seconds.toFixed(2)} s = ${j.pointsPerSecond} points/s, max RSS ${(j.maxRssBytes / 1e6).toFixed(0)} MB`);
  }, 120_000);
});
