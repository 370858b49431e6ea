/*
 * plan.md and plan.html from a synthetic plan report: the claims table carries claimed and measured values
 * side by side with the verdict; in real headless Chromium, offline, every measured claim's before/after bars
 * and each step's latency curve are drawn, the EXPLAIN plans are there, nothing is fetched and no script runs.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanReport } from '../../harness/plan/PlanReport.ts';
import { writePlanReports } from '../../harness/plan/report/writePlanReports.ts';
import { chromiumTitle, haveChromium, launchChromium, openOffline } from '../report/chromium.ts';
import { syntheticPlanReport } from './syntheticPlanReport.ts';

describe('plan reports', () => {
  let dir: string;
  let report: PlanReport;
  let files: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sp-plan-html-'));
    report = syntheticPlanReport();
    files = await writePlanReports(report, dir);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('judges the synthetic claims as their numbers say', () => {
    const v = Object.fromEntries(report.claims.map((c) => [c.id, c.verdict]));
    expect(v).toEqual({ 'list-queries': 'confirmed', p95: 'better than claimed', hit: 'better than claimed', uptime: 'not measurable here' });
    expect(report.claims.find((c) => c.id === 'uptime')!.reason).toBe('needs months of production traffic');
    expect(report.counts.confirmed + report.counts['better than claimed']).toBe(3);
  });

  it('plan.json round-trips with its schema version and every claim field', async () => {
    const json = JSON.parse(await readFile(files['plan.json']!, 'utf8')) as PlanReport;
    expect(json.schemaVersion).toBe(1);
    expect(json.claims[0]).toMatchObject({ id: 'list-queries', quote: 'List 1000 products: 1,001 queries', seedFile: '999_test.txt', metric: 'queriesPerRequest', endpoint: 'products', claimed: { before: 1001, after: 1 } });
    expect(json.claims[0]!.measured).toMatchObject({ before: 21 });
  });

  it('plan.md has the claims table: claim, claimed, measured with its interval, verdict', async () => {
    const md = await readFile(files['plan.md']!, 'utf8');
    expect(md).toMatch(/\| Claim \| Metric \| Steps \| Claimed \| Measured \(median \[95% interval\]\) \| Verdict \|/);
    expect(md).toMatch(/“List 1000 products: 1,001 queries” \(Before vs After\) \| queriesPerRequest products \| naive → optimized \| 1,001 queries → 1 queries \| 21 queries → 0\.\d+ queries \[/);
    expect(md).toMatch(/\*\*not measurable here\*\*: needs months of production traffic/);
    expect(md).toContain('? → 99.99%');
  });

  describe.skipIf(!haveChromium)(chromiumTitle('plan.html in headless Chromium'), () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('draws before/after bars per measured claim and a latency curve per step, offline, with no script', async () => {
      const opened = await openOffline(browser, files['plan.html']!);
      try {
        const { page } = opened;
        const bars = await page.evaluate(() =>
          [...document.querySelectorAll('svg.claim-bars')].map((svg) => ({
            width: svg.getBoundingClientRect().width,
            bars: [...svg.querySelectorAll('rect.bar')].map((r) => r.getBoundingClientRect().width),
            claimed: svg.querySelectorAll('line.claimed').length,
          })),
        );
        expect(bars).toHaveLength(3); // every measured claim; the unmeasurable one has none
        for (const b of bars) {
          expect(b.width).toBeGreaterThan(200);
          expect(b.bars.length).toBe(2);
          for (const w of b.bars) expect(w).toBeGreaterThan(0);
          expect(b.claimed).toBeGreaterThan(0);
        }
        const curves = await page.evaluate(() => [...document.querySelectorAll('svg.latency-curves polyline.curve')].map((p) => ({ points: p.getAttribute('points')!.split(' ').length, width: p.getBoundingClientRect().width })));
        expect(curves).toHaveLength(2);
        for (const c of curves) {
          expect(c.points).toBeGreaterThan(10);
          expect(c.width).toBeGreaterThan(100);
        }
        expect(await page.locator('details pre').first().textContent()).toContain('Index Scan using products_site_idx');
        expect(await page.textContent('body')).toContain('the KV store <before>');
        expect(opened.requests).toEqual([]);
        expect(opened.pageErrors).toEqual([]);
        expect(await page.evaluate(() => document.scripts.length)).toBe(0);
      } finally {
        await opened.close();
      }
    });
  });
});
