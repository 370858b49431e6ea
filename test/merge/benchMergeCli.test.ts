import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';
import { repoRoot } from '../drive/k6/k6Fixtures.ts';
import { SEGMENTS, shardDir, summaryExport } from './segmentFixtures.ts';

const script = path.join(repoRoot, 'scripts/benchMerge.ts');
let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-merge-cli-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('pnpm bench:merge', () => {
  it("prints a report whose totals equal the whole test's, and writes summary.json and the full report set", async () => {
    const out = path.join(tmp, 'merged');
    const r = await runCli(script, [...SEGMENTS.map(shardDir), '--workload', 'analytics', '--out', out], {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(99); // the analytics plan's cache_hit_ratio>0.8: the recorded target hits 60%
    const full = summaryExport('full').metrics.http_reqs!.count!;
    expect(r.stdout).toMatch(new RegExp(`^total\\s+${full}\\s+0\\s`, 'm'));
    expect(r.stdout).toContain('merged 17915 points from 3 instance(s)');
    for (const f of ['summary.json', 'report.md', 'report.html', 'junit.xml', 'bmf.json']) await expect(fs.access(path.join(out, f))).resolves.toBeUndefined();
    const summary = JSON.parse(await fs.readFile(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.totals.requests).toBe(full);
    expect(summary.instances.count).toBe(3);
    expect(summary.instances.shards.map((s: { requests: number }) => s.requests)).toEqual([401, 400, 400]);
    expect(summary.scenario.workload).toBe('analytics');
  });

  it('prints one JSON line with the totals and the points/s figure with --json', async () => {
    const r = await runCli(script, [...SEGMENTS.map(shardDir), '--json', '--out', path.join(tmp, 'json')], {});
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout.trim());
    expect(j).toMatchObject({ verdict: 'pass', instances: 3, requests: 1201, points: 17915 });
    expect(j.pointsPerSecond).toBeGreaterThan(0);
  });

  it('exits 2 with one line naming the shard when a shard is missing', async () => {
    const gone = path.join(tmp, 'nope');
    const r = await runCli(script, [shardDir('seg1'), gone, '--out', path.join(tmp, 'never')], {});
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(gone);
    await expect(fs.access(path.join(tmp, 'never'))).rejects.toThrow();
  });
});
