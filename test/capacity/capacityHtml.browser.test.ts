/*
 * capacity.html in real headless Chromium, offline: the four charts (hockey stick, achieved vs offered,
 * saturation per step, USL curve) are drawn with one mark per measured step, the steps table has every step,
 * nothing is fetched and no script fails. Reports go to a temporary folder removed afterwards.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCapacityReport } from '../../harness/capacity/buildCapacityReport.ts';
import { emptySaturation } from '../../harness/capacity/createStepRunner.ts';
import { writeCapacityReports } from '../../harness/capacity/report/writeCapacityReports.ts';
import { searchCapacity } from '../../harness/capacity/searchCapacity.ts';
import { uslRps } from '../../harness/capacity/fitUsl.ts';
import { OPEN_VALIDITY_RULE } from '../../harness/drive/open/OpenWindowStats.ts';
import type { CapacityReport, CapacityStep } from '../../harness/model/CapacityReport.ts';
import { machineInfo } from '../../harness/run/machineInfo.ts';
import { chromiumTitle, haveChromium, launchChromium, openOffline } from '../report/chromium.ts';

const TRUTH = { lambda: 400, sigma: 0.03, kappa: 0.0004 };

/** A synthetic search: throughput follows a known USL curve, latency rises past the knee at ~5,000 req/s. */
async function syntheticReport(): Promise<CapacityReport> {
  const outcome = await searchCapacity({ startRps: 500, maxRps: 100_000, factor: 2, tolerance: 0.05, trials: 3, refineSteps: 2, downSteps: 2, seed: 3 }, async (offeredRps, phase, trial): Promise<CapacityStep> => {
    const n = offeredRps / 380;
    const achievedRps = uslRps(TRUTH, n);
    const passed = offeredRps <= 5000;
    const p95 = passed ? 20 + offeredRps / 500 : 900 + offeredRps / 10;
    return {
      index: 0, phase, trial, offeredRps, achievedRps, valid: true, passed, stoppedEarly: !passed, degraded: false, measuredS: 8,
      latencyMs: { p50: p95 / 3, p95, p99: p95 * 1.4 }, errorRate: 0, concurrency: n, cacheHitRatio: 0.9,
      failures: passed ? [] : [{ metric: 'http_req_duration{endpoint:pin_public}', expression: 'p(95)<800', observed: p95, atS: 6 }],
      windows: 2, invalidWindows: 0, scheduleLagP99Ms: 0.4, late: 0, dropped: 0,
      saturation: { ...emptySaturation(), apiCpuPercent: Math.min(99, offeredRps / 55), postgresCpuPercent: offeredRps / 120, redisCpuPercent: offeredRps / 300, machineCpuPercent: Math.min(100, offeredRps / 52), driverCpuPercent: offeredRps / 150 },
    };
  });
  outcome.steps.forEach((s, i) => (s.index = i + 1));
  return buildCapacityReport({
    outcome, runId: 'html-test', gitCommit: null, startedAt: new Date().toISOString(), workload: 'analytics', variant: 'optimized',
    planLoad: { perUserRps: 0.00185, planUsers: 1_000_000, source: 'a test quote <with markup> & ampersands' },
    search: { startRps: 500, maxRps: 100_000, factor: 2, tolerance: 0.05, trials: 3, settleS: 3, measureS: 8, windowS: 4, arrivals: 'constant', maxConnections: 512, budget: { 'http_req_duration{endpoint:pin_public}': ['p(95)<800'] }, generatorRule: { ...OPEN_VALIDITY_RULE } },
    environment: { machine: machineInfo(), method: 'synthetic', loadAverage: [1, 1, 1] },
    cores: 2,
    notes: ['a note </script><script>alert(1)</script>'],
  });
}

describe.skipIf(!haveChromium)(chromiumTitle('capacity.html in headless Chromium'), () => {
  let browser: Browser;
  let dir: string;
  let report: CapacityReport;
  let files: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sp-capacity-html-'));
    report = await syntheticReport();
    files = await writeCapacityReports(report, dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('draws the four charts with a mark per step, lists every step, fetches nothing and runs no script', async () => {
    const opened = await openOffline(browser, files['capacity.html']!);
    try {
      const { page } = opened;
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll('svg.chart')].map((svg) => {
          const box = svg.getBoundingClientRect();
          return { id: svg.id, width: box.width, height: box.height, points: svg.querySelectorAll('circle.point').length, lines: svg.querySelectorAll('polyline.series').length };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual(['chart-latency', 'chart-achieved', 'chart-saturation', 'chart-usl']);
      const steps = report.steps.length;
      for (const c of charts) {
        expect(c.width).toBeGreaterThan(300);
        expect(c.height).toBeGreaterThan(150);
      }
      expect(charts[0]!.points).toBe(3 * steps); // p50, p95, p99 per step
      expect(charts[0]!.lines).toBe(3);
      expect(charts[2]!.lines).toBe(5); // API, Postgres, Redis, machine, driver
      expect(charts[3]!.points).toBeGreaterThanOrEqual(steps); // the measured points, plus the USL curve's
      expect(charts[3]!.lines).toBe(1);
      expect(await page.locator('table#steps tbody tr').count()).toBe(steps);
      expect(await page.locator('ul.headline li').first().textContent()).toMatch(/Max sustainable rate: [\d,]+ req\/s/);
      expect(await page.textContent('body')).toContain('a test quote <with markup> & ampersands');
      const shot = path.join(dir, 'capacity.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect((await stat(shot)).size).toBeGreaterThan(20_000);
      expect(opened.requests).toEqual([]);
      expect(opened.pageErrors).toEqual([]);
      expect(opened.consoleErrors).toEqual([]);
      expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    } finally {
      await opened.close();
    }
  });

  it('the USL fit on the synthetic curve recovers its parameters, and the report names the binding threshold', () => {
    expect(report.usl!.sigma).toBeCloseTo(TRUTH.sigma, 6);
    expect(report.usl!.kappa).toBeCloseTo(TRUTH.kappa, 8);
    expect(report.bindingThreshold?.expression).toBe('p(95)<800');
    expect(report.maxSustainableRps!.value).toBeLessThanOrEqual(5000);
    expect(report.maxSustainableRps!.value).toBeGreaterThanOrEqual(5000 * 0.95);
    expect(report.verdict).toBe('pass'); // 1,850 req/s target under ~5,000
    expect(report.saturation?.resource).toMatch(/API CPU|machine/);
  });
});
