/*
 * report.html and compare.html in real headless Chromium, offline: the charts render (non-blank canvases),
 * the tables have the summary's rows, nothing is fetched, no script fails. Everything (reports, screenshots) goes
 * to a temporary folder that is removed afterwards; tests never write into reports/.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regressionGate } from '../../harness/compare/regressionGate.ts';
import { writeComparison } from '../../harness/compare/writeComparison.ts';
import type { RunSummary } from '../../harness/model/RunSummary.ts';
import { fmtMs, fmtObserved } from '../../harness/report/formatValue.ts';
import { writeReports } from '../../harness/report/writeReports.ts';
import { canvasStats, chromiumTitle, haveChromium, launchChromium, openOffline } from './chromium.ts';
import { syntheticRun } from './syntheticRun.ts';

let OUT: string;
const THRESHOLDS = [
  { metric: 'http_req_duration{endpoint:pin_public}', expression: 'p(95)<800' },
  { metric: 'http_req_duration{endpoint:pin_analytics}', expression: 'p(99)<20' },
  { metric: 'http_req_failed', expression: 'rate<0.01' },
  { metric: 'cache_hit_ratio', expression: 'value>0.8' },
];

describe.skipIf(!haveChromium)(chromiumTitle('report.html in headless Chromium'), () => {
  let browser: Browser;
  let summary: RunSummary;
  let files: Record<string, string>;

  beforeAll(async () => {
    OUT = await mkdtemp(path.join(os.tmpdir(), 'sp-report-html-'));
    summary = syntheticRun({ seed: 31, trials: 3, durationS: 6, thresholds: THRESHOLDS });
    ({ files } = await writeReports(summary, path.join(OUT, 'run')));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (OUT) await rm(OUT, { recursive: true, force: true });
  });

  it('renders four non-blank uPlot charts offline, with no request attempted and no script error, and saves report.png', async () => {
    const opened = await openOffline(browser, files['report.html']!);
    try {
      const { page } = opened;
      await page.waitForSelector('body[data-charts="ready"]', { timeout: 20_000 });
      const canvases = await canvasStats(page);
      expect(canvases).toHaveLength(4);
      for (const c of canvases) {
        expect(c.width).toBeGreaterThan(200);
        expect(c.height).toBeGreaterThan(100);
        expect(c.painted).toBeGreaterThan(2000); // axes, grid and series strokes
        expect(c.colours).toBeGreaterThan(3); // more than grid grey: the series colours are there
      }
      const shot = path.join(path.dirname(files['report.html']!), 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect((await stat(shot)).size).toBeGreaterThan(20_000);
      expect(opened.requests).toEqual([]);
      expect(opened.pageErrors).toEqual([]);
      expect(opened.consoleErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('shows the thresholds table with observed values and marks, and the endpoints table with the summary numbers', async () => {
    const opened = await openOffline(browser, files['report.html']!);
    try {
      const { page } = opened;
      const thresholdRows = await page.$$eval('#thresholds-table tbody tr', (rows) => rows.map((r) => ({ cls: r.className, cells: [...r.querySelectorAll('td')].map((td) => td.textContent) })));
      expect(thresholdRows).toHaveLength(summary.thresholds.length);
      summary.thresholds.forEach((t, i) => {
        expect(thresholdRows[i]!.cells.slice(0, 4)).toEqual([t.ok ? '✓' : '✗', t.metric, t.expression, fmtObserved(t.observed)]);
        expect(thresholdRows[i]!.cls).toBe(t.ok ? 'ok' : 'crossed');
      });
      expect(summary.thresholds.some((t) => !t.ok)).toBe(true);

      const endpointRows = await page.$$eval('#endpoints-table tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
      const names = Object.keys(summary.endpoints);
      expect(endpointRows.map((r) => r[0])).toEqual([...names, 'total']);
      for (const row of endpointRows) {
        const e = row[0] === 'total' ? summary.totals : summary.endpoints[row[0] as 'pin_public']!;
        expect(row[1]).toBe(String(e.requests));
        expect(row[6]).toBe(fmtMs(e.latencyMs.p95));
        expect(row[7]).toBe(fmtMs(e.latencyMs.p99));
      }
      const spectrumRows = await page.$$eval('#spectrum-table tbody tr', (rows) => rows.map((r) => r.querySelector('td')!.textContent));
      expect(spectrumRows).toEqual(['total', ...names]);
      expect(await page.textContent('#verdict')).toContain('FAIL');
    } finally {
      await opened.close();
    }
  });

  it('redraws the over-time charts for the endpoint picked in the selector', async () => {
    const opened = await openOffline(browser, files['report.html']!);
    try {
      const { page } = opened;
      await page.waitForSelector('body[data-charts="ready"]');
      const latencyPixels = () => page.$eval('#chart-latency canvas', (c) => (c as HTMLCanvasElement).toDataURL());
      const before = await latencyPixels();
      await page.selectOption('#entity-select', 'pin_analytics');
      const after = await latencyPixels();
      expect(after).not.toBe(before);
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('marks each fault on both over-time charts and lists it in the faults table, with the acked-writes line', async () => {
    const run = syntheticRun({ seed: 33, durationS: 6, thresholds: THRESHOLDS });
    const window = { requests: 10, serverErrors: 1, transportErrors: 2, otherErrors: 0 };
    const fault = (spec: string, kind: 'api-kill' | 'redis-down', atS: number) => ({
      spec, kind, method: 'test', atS, downS: 0, restoredAfterS: 0.5, firstSuccessAfterS: 0.6, errorsStopAfterS: 1, p95BackAfterS: 1, recoveryS: 1,
      during: window, after: window, cacheHitRatioDuring: null, cacheHitRatioAfter: 0.9, ackedWritesLost: kind === 'api-kill' ? 3 : 0,
    });
    run.faults = [fault('api-kill@1s', 'api-kill', 1), fault('redis-down@3s+1s', 'redis-down', 3)];
    run.ackedWrites = { endpoints: ['pin_events'], sent: 50, acknowledged: 40, stored: 37, lost: 3, lostAfterLastFault: 0, ackMode: 'buffered' };
    const { files: f } = await writeReports(run, path.join(OUT, 'faults'));
    const opened = await openOffline(browser, f['report.html']!);
    try {
      const { page } = opened;
      await page.waitForSelector('body[data-charts="ready"]', { timeout: 20_000 });
      // The draw hook counts per chart; both charts draw both faults.
      expect(await page.getAttribute('body', 'data-fault-markers')).toBe('2');
      const rows = await page.$$eval('#faults-table tbody tr', (trs) => trs.map((r) => r.querySelector('td')!.textContent));
      expect(rows).toEqual(['api-kill@1s', 'redis-down@3s+1s']);
      expect(await page.textContent('#acked-writes')).toContain('3 LOST');
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('keeps "</script>" in the embedded data inert: the page still parses its JSON and shows the text literally', async () => {
    const evil = syntheticRun({ seed: 32, thresholds: THRESHOLDS });
    evil.runId = 'run</script><script>alert(1)</script><!--';
    const { files: f } = await writeReports(evil, path.join(OUT, 'evil'));
    const opened = await openOffline(browser, f['report.html']!);
    try {
      const { page } = opened;
      await page.waitForSelector('body[data-charts="ready"]', { timeout: 20_000 });
      expect(await page.textContent('h1 code')).toBe(evil.runId);
      expect(await page.evaluate(() => JSON.parse(document.getElementById('report-data')!.textContent!).runId)).toBe(evil.runId);
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('renders compare.html offline with a row per endpoint metric and the gate findings', async () => {
    const a = syntheticRun({ seed: 40, trials: 5, runId: 'baseline' });
    const b = syntheticRun({ seed: 41, trials: 5, runId: 'slower', latencyFactor: 1.5 });
    const gate = regressionGate(a, b, { maxRegression: 0.1 });
    const { files: f } = await writeComparison(gate.comparison, path.join(OUT, 'compare'), { result: gate, maxRegression: 0.1 });
    const opened = await openOffline(browser, f['compare.html']!);
    try {
      const { page } = opened;
      const rows = await page.$$eval('#comparison-table tbody tr', (trs) => trs.length);
      expect(rows).toBe(gate.comparison.metrics.length);
      expect(await page.$$eval('#gate li', (lis) => lis.length)).toBe(gate.reasons.length + gate.notes.length);
      expect(await page.$$eval('svg.strip', (s) => s.length)).toBeGreaterThan(0);
      expect(await page.textContent('#headline')).toContain('regressed');
      await page.screenshot({ path: path.join(OUT, 'compare', 'compare.png'), fullPage: true });
      expect(opened.requests).toEqual([]);
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
