/*
 * pnpm bench:capacity as a CLI, with --target (no services, no seeding): against a target that speaks the
 * workload's GET /pin/public/:number route with a known capacity (10 slots x 100 ms = 100 req/s) it finds it
 * within its tolerance (above capacity the target's queue grows, so completions fall behind the schedule:
 * achieved/offered < 0.95 fails the step; the 1 s p95 budget leaves room for a contended machine's stalls), writes every report and exits 99 (the plan's 1,850 req/s target is above it); against a
 * target that fails everything it stops early with a clear message and exit 99; bad flags exit 2 in one line.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapacityReport } from '../../harness/model/CapacityReport.ts';
import { runCli } from '../helpers/runCli.ts';
import { startSlotTarget, type SlotTarget } from '../helpers/slotTarget.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/benchCapacity.ts', import.meta.url));
const TOLERANCE = 0.15;
// Fast steps; the schedule-lag bound loosened for a contended test machine (the target's queue must fail steps).
const FAST = ['--mix', 'pin_public=1,pin_analytics=0,pin_events=0', '--warmup', '0', '--settle', '1', '--measure', '2', '--window', '2', '--tolerance', '15%', '--max-schedule-lag', '250'];

describe('bench:capacity CLI', () => {
  let dir: string;
  let slots: SlotTarget;
  let broken: SlotTarget;
  let budget: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sp-capacity-cli-'));
    slots = await startSlotTarget({ slots: 10, serviceMs: 100 });
    broken = await startSlotTarget({ slots: 100, serviceMs: 1, failAll: true });
    budget = path.join(dir, 'budget.json');
    await writeFile(budget, JSON.stringify({ 'http_req_duration{endpoint:pin_public}': ['p(95)<1000'], http_req_failed: ['rate<0.01'], http_reqs: ['rate>=200'] }));
  });
  afterAll(async () => {
    await slots?.stop();
    await broken?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each([
    [['--tolerance', '0'], /--tolerance must be a fraction/],
    [['--start-rate', '500', '--max-rate', '100'], /--max-rate \(100\) is below --start-rate \(500\)/],
  ])('%j exits 2 with one line', async (args, message) => {
    const r = await runCli(SCRIPT, ['analytics', '--target', 'http://127.0.0.1:9', ...args], {});
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('finds a known capacity through --target within its tolerance, in req/s and users, and writes every report', async () => {
    const out = path.join(dir, 'slots');
    const r = await runCli(SCRIPT, ['analytics', '--target', slots.url, '--thresholds', budget, '--start-rate', '100', '--trials', '3', '--refine-steps', '1', ...FAST, '--out', out, '--json'], {});
    expect(r.stderr, r.stdout).toBe('');
    expect(r.code, r.stdout).toBe(99);
    expect(r.stdout).toMatch(/Max sustainable rate/); // the plan's target load (1,850 req/s) is above 100 req/s
    const json = JSON.parse(r.stdout.trim().split('\n').pop()!) as { maxSustainableRps: number; low: number; high: number; bindingThreshold: { metric: string } | null; users: number; planTargetRps: number };
    expect(json.maxSustainableRps, r.stdout).toBeGreaterThanOrEqual(slots.capacityRps * (1 - TOLERANCE) * 0.95);
    expect(json.maxSustainableRps).toBeLessThanOrEqual(slots.capacityRps * (1 + TOLERANCE));
    expect(json.low).toBeLessThanOrEqual(json.maxSustainableRps);
    expect(json.high).toBeGreaterThanOrEqual(json.maxSustainableRps);
    expect(json.bindingThreshold?.metric).toMatch(/http_req_duration|achieved_rate/);
    expect(json.planTargetRps).toBeCloseTo(1850, 6);
    const report = JSON.parse(await readFile(path.join(out, 'capacity.json'), 'utf8')) as CapacityReport;
    expect(report.schemaVersion).toBe(1);
    expect(report.users!.value).toBeCloseTo(report.maxSustainableRps!.value / report.users!.perUserRps, 6);
    expect(json.users).toBe(Math.round(report.users!.value));
    expect(report.users!.source).toMatch(/seed 001/);
    expect(report.trials).toHaveLength(3);
    expect(report.steps.every((s) => typeof s.offeredRps === 'number' && typeof s.latencyMs.p95 === 'number' && typeof s.valid === 'boolean')).toBe(true);
    expect(report.search.budget).not.toHaveProperty('http_reqs'); // a rate floor is not a budget
    expect(report.notes.join(' ')).toMatch(/not judged by the search: http_reqs/);
    expect(r.stdout).toMatch(/This machine carries about [\d,]+ users of the plan's profile/);
    expect(r.stdout).toMatch(/linear extrapolation/);
    const md = await readFile(path.join(out, 'capacity.md'), 'utf8');
    expect(md).toMatch(/## Steps/);
    const junit = await readFile(path.join(out, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<failure message="max sustainable/);
    const bmf = JSON.parse(await readFile(path.join(out, 'bmf.json'), 'utf8')) as Record<string, Record<string, { value: number }>>;
    expect(bmf['analytics/optimized/capacity']!.throughput!.value).toBe(json.maxSustainableRps);
    expect(await readFile(path.join(out, 'capacity.html'), 'utf8')).toMatch(/<svg id="chart-latency"/);
  }, 180_000);

  it('stops early with a clear message and exit 99 when every step fails', async () => {
    const out = path.join(dir, 'broken');
    const r = await runCli(SCRIPT, ['analytics', '--target', broken.url, '--start-rate', '40', ...FAST, '--out', out, '--json'], {});
    expect(r.code).toBe(99);
    expect(r.stdout).toMatch(/No capacity within the budget: every step failed, down to 10 req\/s .*badly degraded.*stopped early/);
    const json = JSON.parse(r.stdout.trim().split('\n').pop()!) as { maxSustainableRps: number | null; steps: number };
    expect(json.maxSustainableRps).toBeNull();
    expect(json.steps).toBe(3);
  }, 120_000);
});
