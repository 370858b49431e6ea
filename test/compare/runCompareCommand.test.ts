/* pnpm bench:compare: the delta table on stdout, compare.md/html on disk, exit 0 / 99 / 2. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_REGRESSED, runCompareCommand } from '../../harness/compare/runCompareCommand.ts';
import { writeReports } from '../../harness/report/writeReports.ts';
import { syntheticRun } from '../report/syntheticRun.ts';

let dir: string;
let base: string;
let same: string;
let slow: string;

function io(cwd = dir) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), now: () => new Date(Date.UTC(2025, 2, 4, 5, 6, 7)), cwd } };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sp-cmpcli-'));
  base = path.join(dir, 'base');
  same = path.join(dir, 'same');
  slow = path.join(dir, 'slow');
  await writeReports(syntheticRun({ seed: 50, trials: 5, runId: 'base' }), base);
  await writeReports(syntheticRun({ seed: 51, trials: 5, runId: 'same' }), same);
  await writeReports(syntheticRun({ seed: 52, trials: 5, runId: 'slow', latencyFactor: 1.5 }), slow);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bench:compare', () => {
  it('exits 0 for runs from the same distribution, prints the delta table and writes compare.md and compare.html to --out', async () => {
    const t = io();
    const code = await runCompareCommand([base, path.join(same, 'summary.json'), '--out', 'cmp-same'], t.io);
    expect(code).toBe(0);
    const stdout = t.out.join('');
    expect(stdout).toMatch(/^total\s+p95\s+/m);
    expect(stdout).toMatch(/^pin_public\s+throughput\s+/m);
    expect(stdout).toContain('verdict: No regression beyond the 10% limit with confidence');
    expect((await readdir(path.join(dir, 'cmp-same'))).sort()).toEqual(['compare.html', 'compare.md']);
    const md = await readFile(path.join(dir, 'cmp-same', 'compare.md'), 'utf8');
    expect(md).toMatch(/\| total \| p95 \| .* ms \| .* ms \|/);
  });

  it('exits 99 when B regressed beyond --max-regression with confidence, and names the regression', async () => {
    const t = io();
    const code = await runCompareCommand([base, slow, '--out', 'cmp-slow'], t.io);
    expect(code).toBe(EXIT_REGRESSED);
    expect(t.out.join('')).toMatch(/^REGRESSION total p95 latency \+\d+\.\d% vs baseline/m);
  });

  it('exits 0 for the same regression when --max-regression allows it', async () => {
    const t = io();
    expect(await runCompareCommand([base, slow, '--out', 'cmp-lenient', '--max-regression', '1.5'], t.io)).toBe(0);
  });

  it('writes to reports/compare-<timestamp>/ under the working directory by default', async () => {
    const t = io();
    await runCompareCommand([base, same], t.io);
    expect((await readdir(path.join(dir, 'reports', 'compare-20250304-050607'))).sort()).toEqual(['compare.html', 'compare.md']);
  });

  it.each([
    ['a missing argument', () => [base]],
    ['an unknown option', () => [base, same, '--colour']],
    ['a limit that is not a fraction', () => [base, same, '--max-regression', 'ten']],
    ['a run folder that does not exist', () => [base, path.join(dir, 'nope')]],
  ])('exits 2 with one line on stderr for %s', async (_what, args) => {
    const t = io();
    const code = await runCompareCommand(args(), t.io);
    expect(code).toBe(2);
    const stderr = t.err.join('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.length).toBeGreaterThan(10);
    expect(t.out.join('')).toBe('');
  });

  it('runs from the command line (tsx scripts/benchCompare.ts, what pnpm bench:compare runs) with the same exit codes', async () => {
    const run = promisify(execFile);
    const tsx = path.resolve('node_modules/.bin/tsx');
    const ok = await run(tsx, ['scripts/benchCompare.ts', base, same, '--out', path.join(dir, 'cli-ok')]);
    expect(ok.stdout).toContain('verdict:');
    const bad = await run(tsx, ['scripts/benchCompare.ts', base]).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stderr: string }).stderr).toMatch(/missing required argument 'b'/);
    const regressed = await run(tsx, ['scripts/benchCompare.ts', base, slow, '--out', path.join(dir, 'cli-slow')]).catch((e: { code: number }) => e);
    expect((regressed as { code: number }).code).toBe(99);
  });
});
