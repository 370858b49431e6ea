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

  it('a one-round run reports both sides and their ratio, and the open driver at 80% of the closed rate, in its last JSON line', async () => {
    const r = await runCli(SCRIPT, ['--rounds', '1', '--duration', '1', '--connections', '2', '--open-runs', '3', '--json'], {});
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      harnessRps: number; bareAutocannonRps: number; ratio: number; pinned: boolean; runs: Array<{ side: string; requests: number }>;
      open: { ratePerSecond: number; closedSaturationRps: number; helperThreadsMoved: number; achievedRatio: number; scheduleLagP99Ms: number; machineLagFloorP99Ms: number; targetsMet: boolean; runs: Array<{ offered: number; completed: number; completedInSchedule: number; achievedRatio: number; scheduleLagP99Ms: number; machineLagFloorP99Ms: number; machinePreemptedPercent: number; windowLagP99Ms: number[] }> };
    };
    expect(out.harnessRps).toBeGreaterThan(0);
    expect(out.bareAutocannonRps).toBeGreaterThan(0);
    expect(out.ratio).toBeCloseTo(out.harnessRps / out.bareAutocannonRps, 2);
    expect(out.runs.map((x) => x.side).sort()).toEqual(['bare', 'harness']);
    expect(out.runs.every((x) => x.requests > 0)).toBe(true);
    // The open driver ran at 80% of the closed driver's rate and reports achieved/offered from its own counts.
    expect(out.open.closedSaturationRps).toBe(Math.round(out.harnessRps));
    expect(Math.abs(out.open.ratePerSecond - out.harnessRps * 0.8)).toBeLessThanOrEqual(1); // 80% of the unrounded rate
    expect(out.open.runs).toHaveLength(3);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
    for (const run of out.open.runs) {
      expect(run.offered).toBe(out.open.ratePerSecond); // constant arrivals, 1 s
      // achieved counts what was answered within the schedule: a backlog answered during the drain does not flatter it.
      expect(run.achievedRatio).toBeCloseTo(run.completedInSchedule / run.offered, 2);
      expect(run.completedInSchedule).toBeLessThanOrEqual(run.completed);
      expect(run.windowLagP99Ms).toHaveLength(1); // one 1 s window per 1 s run
      expect(run.windowLagP99Ms[0]).toBeLessThanOrEqual(run.scheduleLagP99Ms + 0.01);
      expect(run.machinePreemptedPercent).toBeGreaterThanOrEqual(0);
      expect(run.machinePreemptedPercent).toBeLessThanOrEqual(100);
    }
    // Each headline figure is that figure's median over the runs, not the figures of one "median run".
    expect(out.open.achievedRatio).toBe(median(out.open.runs.map((x) => x.achievedRatio)));
    expect(out.open.scheduleLagP99Ms).toBe(median(out.open.runs.map((x) => x.scheduleLagP99Ms)));
    // The machine's own floor (a busy loop on the driver's CPU at the same rate) is reported next to the driver's lag.
    expect(out.open.machineLagFloorP99Ms).toBe(median(out.open.runs.map((x) => x.machineLagFloorP99Ms)));
    expect(out.open.machineLagFloorP99Ms).toBeGreaterThanOrEqual(0);
    expect(out.open.targetsMet).toBe(out.open.achievedRatio >= 0.99 && out.open.scheduleLagP99Ms <= 1);
    expect(r.stderr).toMatch(out.pinned ? /pinning: driver side on CPU \d+, target on CPU \d+/ : /pinning: off/);
    // Pinned, the open runs have the driver's main thread alone on its CPU: its other threads (V8 and libuv
    // always start some) were moved to the target's.
    if (out.pinned) {
      expect(out.open.helperThreadsMoved).toBeGreaterThan(0);
      expect(r.stderr).toMatch(new RegExp(`its ${out.open.helperThreadsMoved} other threads .* moved to CPU \\d+`));
    } else {
      expect(out.open.helperThreadsMoved).toBe(0);
    }
  });
});
