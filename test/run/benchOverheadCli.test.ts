/*
 * pnpm bench:overhead as a CLI: bad flags end in one line and exit 2; a tiny real run prints its JSON line with
 * the ratio computed from the two measured sides. No assertion on speed (that is what the benchmark reports).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/benchOverhead.ts', import.meta.url));

describe('bench:overhead CLI', () => {
  it.each([
    [['--rounds', '0'], /--rounds must be a whole number from 1 to 50/],
    [['--duration', 'abc'], /--duration must be a whole number/],
    [['--bogus'], /bogus/],
  ])('%j exits 2 with one line', async (args, message) => {
    const r = await runCli(SCRIPT, args, {});
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('a one-round run reports both sides and their ratio in its last JSON line', async () => {
    const r = await runCli(SCRIPT, ['--rounds', '1', '--duration', '1', '--connections', '2', '--json'], {});
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      harnessRps: number; bareAutocannonRps: number; ratio: number; pinned: boolean; runs: Array<{ side: string; requests: number }>;
    };
    expect(out.harnessRps).toBeGreaterThan(0);
    expect(out.bareAutocannonRps).toBeGreaterThan(0);
    expect(out.ratio).toBeCloseTo(out.harnessRps / out.bareAutocannonRps, 2);
    expect(out.runs.map((x) => x.side).sort()).toEqual(['bare', 'harness']);
    expect(out.runs.every((x) => x.requests > 0)).toBe(true);
    expect(r.stderr).toMatch(out.pinned ? /pinning: driver side on CPU \d+, target on CPU \d+/ : /pinning: off/);
  });
});
