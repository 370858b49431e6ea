/* Every report writer produces valid output whose numbers are the summary's own. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import type { RunSummary } from '../../harness/model/RunSummary.ts';
import { formatSummaryTable } from '../../harness/report/formatSummaryTable.ts';
import { fmtMs, fmtObserved, fmtRate } from '../../harness/report/formatValue.ts';
import { readSummary } from '../../harness/report/readSummary.ts';
import { writeReports } from '../../harness/report/writeReports.ts';
import { LatencyRecorder } from '../../harness/drive/LatencyRecorder.ts';
import { syntheticRun } from './syntheticRun.ts';

const THRESHOLDS = [
  { metric: 'http_req_duration{endpoint:pin_public}', expression: 'p(95)<800' },
  { metric: 'http_req_duration{endpoint:pin_analytics}', expression: 'p(99)<20' }, // crossed: analytics p99 is ~90 ms
  { metric: 'http_req_duration', expression: 'p(95)<500' },
  { metric: 'http_req_failed', expression: 'rate<0.0001' }, // crossed: the synthetic run has errors
  { metric: 'http_reqs', expression: 'rate>=50' },
  { metric: 'cache_hit_ratio', expression: 'value>0.8' },
];

let dir: string;
let summary: RunSummary;
let files: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sp-reports-'));
  summary = syntheticRun({ seed: 11, trials: 3, thresholds: THRESHOLDS });
  ({ files } = await writeReports(summary, dir));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('writes one file per writer into the output folder and returns their paths', () => {
    expect(Object.keys(files).sort()).toEqual(['bmf.json', 'junit.xml', 'report.html', 'report.md', 'summary.json']);
    for (const [name, file] of Object.entries(files)) expect(file).toBe(path.join(dir, name));
  });

  it('the synthetic input really has both passing and crossed thresholds', () => {
    expect(summary.thresholds.filter((t) => t.ok).length).toBeGreaterThan(0);
    expect(summary.thresholds.filter((t) => !t.ok).map((t) => t.expression)).toEqual(['p(99)<20', 'rate<0.0001']);
    expect(summary.verdict).toBe('fail');
  });
});

describe('summary.json', () => {
  it('round-trips through readSummary from the run folder and from the file path', async () => {
    expect(await readSummary(dir)).toEqual(summary);
    expect(await readSummary(files['summary.json']!)).toEqual(summary);
  });

  it('is rejected with SP_SUMMARY_VERSION when its schemaVersion is not the one this code reads', async () => {
    const other = path.join(dir, 'v2.json');
    await writeFile(other, JSON.stringify({ ...summary, schemaVersion: 2 }));
    const err = await readSummary(other).catch((e: unknown) => e);
    expect(isScaleproofError(err, 'SP_SUMMARY_VERSION')).toBe(true);
    expect((err as Error).message).toMatch(/schemaVersion 2; this scaleproof reads version 1/);
  });

  it('is rejected with SP_SUMMARY_INVALID naming the field when the shape is wrong', async () => {
    const bad = path.join(dir, 'bad.json');
    const broken = JSON.parse(JSON.stringify(summary)) as Record<string, unknown>;
    (broken.endpoints as Record<string, Record<string, unknown>>).pin_public!.latencyMs = { p50: 'fast' };
    await writeFile(bad, JSON.stringify(broken));
    const err = await readSummary(bad).catch((e: unknown) => e);
    expect(isScaleproofError(err, 'SP_SUMMARY_INVALID')).toBe(true);
    expect((err as Error).message).toContain('endpoints.pin_public.latencyMs');
  });

  it('is rejected with SP_SUMMARY_INVALID for a folder without summary.json and for non-JSON', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'sp-empty-'));
    const notJson = path.join(dir, 'garbage.json');
    await writeFile(notJson, '{"schemaVersion": 1,');
    try {
      for (const p of [empty, notJson, path.join(dir, 'missing')]) {
        const err = await readSummary(p).catch((e: unknown) => e);
        expect(isScaleproofError(err, 'SP_SUMMARY_INVALID')).toBe(true);
        expect((err as Error & { exitCode: number }).exitCode).toBe(2);
      }
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('junit.xml', () => {
  it('is well-formed XML with one testcase per threshold and a failure exactly for the crossed ones', async () => {
    const xml = await readFile(files['junit.xml']!, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' || name === 'property' }).parse(xml);
    const suite = doc.testsuites.testsuite;
    const cases = suite.testcase as Array<{ classname: string; name: string; failure?: unknown; properties: { property: Array<{ name: string; value: string }> } }>;
    expect(cases).toHaveLength(summary.thresholds.length);
    expect(Number(suite.tests)).toBe(summary.thresholds.length);
    expect(Number(suite.failures)).toBe(summary.thresholds.filter((t) => !t.ok).length);
    summary.thresholds.forEach((t, i) => {
      expect(cases[i]!.classname).toBe(t.metric);
      expect(cases[i]!.name).toBe(t.expression);
      expect(cases[i]!.failure !== undefined).toBe(!t.ok);
      expect(cases[i]!.properties.property.find((p) => p.name === 'observed')!.value).toBe(fmtObserved(t.observed));
    });
  });

  it('escapes markup and drops characters XML forbids in metric names, expressions and notes', async () => {
    const nasty = syntheticRun({ seed: 3 });
    nasty.thresholds = [{ metric: 'weird{tag:"a&b"}', expression: "p(95)<800 && 'x'>y ]]>", observed: null, ok: false, note: 'bell \u0007 and </testcase>' }];
    const out = await mkdtemp(path.join(os.tmpdir(), 'sp-junit-'));
    try {
      const { files: f } = await writeReports(nasty, out);
      const xml = await readFile(f['junit.xml']!, 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true }).parse(xml);
      expect(doc.testsuites.testsuite.testcase.classname).toBe('weird{tag:"a&b"}');
      expect(doc.testsuites.testsuite.testcase.name).toBe("p(95)<800 && 'x'>y ]]>");
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('bmf.json', () => {
  it('follows the Bencher Metric Format: benchmarks -> measures -> { value, lower_value <= value <= upper_value }', async () => {
    const bmf = JSON.parse(await readFile(files['bmf.json']!, 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
    const names = Object.keys(bmf);
    expect(names.sort()).toEqual(['analytics/pin_analytics', 'analytics/pin_events', 'analytics/pin_public', 'analytics/total']);
    for (const measures of Object.values(bmf)) {
      expect(Object.keys(measures).sort()).toEqual(['error-rate', 'latency', 'latency-p95', 'latency-p99', 'throughput']);
      for (const m of Object.values(measures)) {
        expect(Object.keys(m).every((k) => ['value', 'lower_value', 'upper_value'].includes(k))).toBe(true);
        expect(typeof m.value).toBe('number');
        // Three trials: the spread is given, and it brackets the value as Bencher requires.
        expect(m.lower_value as number).toBeLessThanOrEqual(m.value as number);
        expect(m.upper_value as number).toBeGreaterThanOrEqual(m.value as number);
      }
    }
  });

  it('reports latency in nanoseconds (Bencher\'s unit) and throughput in requests per second', async () => {
    const bmf = JSON.parse(await readFile(files['bmf.json']!, 'utf8'));
    const pub = summary.endpoints.pin_public!;
    expect(bmf['analytics/pin_public'].latency.value).toBe(Math.round(pub.latencyMs.p50 * 1e6));
    expect(bmf['analytics/pin_public']['latency-p95'].value).toBe(Math.round(pub.latencyMs.p95 * 1e6));
    expect(bmf['analytics/total'].throughput.value).toBeCloseTo(summary.totals.throughputRps, 9);
    const trialP95 = summary.trials.map((t) => Math.round(t.endpoints.pin_public!.p95 * 1e6));
    expect(bmf['analytics/pin_public']['latency-p95'].lower_value).toBe(Math.min(pub.latencyMs.p95 * 1e6, ...trialP95));
  });

  it('omits lower and upper values for a single trial', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'sp-bmf-'));
    try {
      const { files: f } = await writeReports(syntheticRun({ seed: 5, trials: 1 }), out);
      const bmf = JSON.parse(await readFile(f['bmf.json']!, 'utf8'));
      expect(Object.keys(bmf['analytics/total'].latency)).toEqual(['value']);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('report.md', () => {
  it('has the verdict, every threshold with its observed value and mark, and a row per endpoint with the summary numbers', async () => {
    const md = await readFile(files['report.md']!, 'utf8');
    expect(md).toMatch(/❌ \*\*FAIL\*\*: 4 of 6 thresholds hold/);
    for (const t of summary.thresholds) {
      const row = md.split('\n').find((l) => l.includes(`\`${t.metric}\``) && l.includes(`\`${t.expression}\``));
      expect(row, `${t.metric} ${t.expression}`).toBeDefined();
      expect(row!.startsWith(`| ${t.ok ? '✓' : '✗'} |`)).toBe(true);
      expect(row).toContain(`| ${fmtObserved(t.observed)} |`);
    }
    for (const [name, e] of Object.entries(summary.endpoints)) {
      const l = e!.latencyMs;
      expect(md).toContain(`| ${name} | ${e!.requests} | ${e!.errors} | ${fmtRate(e!.throughputRps)} | ${fmtMs(l.p50)} | ${fmtMs(l.p90)} | ${fmtMs(l.p95)} | ${fmtMs(l.p99)} | ${fmtMs(l.max)} |`);
    }
    expect(md).toContain(`| total | ${summary.totals.requests} |`);
  });

  it('states cache hit ratio with its source, queries per request, buffer hit, validity, warm-up apart and the environment', async () => {
    const md = await readFile(files['report.md']!, 'utf8');
    expect(md).toContain(`**Cache hit ratio:** ${(summary.server.cacheHitRatio! * 100).toFixed(1)}% (source: redis-info)`);
    expect(md).toContain('**Cache cross-check:**');
    expect(md).toContain('**Queries per request:** 0.42');
    expect(md).toContain('**Postgres buffer hit:** 99.1%');
    expect(md).toContain('**Generator saturation:** no');
    expect(md).toContain('## Warm-up (kept apart, not in the numbers above)');
    expect(md).toContain(`| ${summary.warmup.requests} | 0 | 2 |`);
    expect(md).toContain('**Load model:** closed model: 16 connections, pipelining 1');
    expect(md).toContain('**Method:** pnpm bench:analytics');
    expect(md).toContain('## Trials (3;');
  });

  it('puts the in-process cache and saturation warnings at the top when they apply', async () => {
    const s = syntheticRun({ seed: 9, inProcessCache: true });
    s.validity.generatorSaturated = true;
    const out = await mkdtemp(path.join(os.tmpdir(), 'sp-md-'));
    try {
      const md = await readFile((await writeReports(s, out)).files['report.md']!, 'utf8');
      const top = md.split('## Thresholds')[0]!;
      expect(top).toContain('In-process cache: the API ran WITHOUT Redis');
      expect(top).toContain('Generator saturation: SATURATED');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('formatSummaryTable', () => {
  it('prints each endpoint, the thresholds and the verdict as plain text', () => {
    const text = formatSummaryTable(summary);
    expect(text.includes('\u001b[')).toBe(false); // no colour codes
    for (const [name, e] of Object.entries(summary.endpoints)) {
      expect(text).toMatch(new RegExp(`^${name}\\s+${e!.requests}\\s+${e!.errors}\\s+${fmtRate(e!.throughputRps).replace('.', '\\.')}\\s`, 'm'));
    }
    for (const t of summary.thresholds) expect(text).toMatch(new RegExp(`^${t.ok ? 'ok' : 'FAIL'}\\s+${t.metric.replace(/[{}()]/g, '\\$&')}\\s+${t.expression.replace(/[()]/g, '\\$&')}`, 'm'));
    expect(text).toMatch(/verdict: FAIL \(4 of 6 thresholds hold\)$/);
  });
});

describe('a run without a single response', () => {
  it('still produces every report, with n/a instead of zero latencies', async () => {
    const s = syntheticRun({ seed: 12 });
    const { endpoints, totals } = new LatencyRecorder(Date.UTC(2025, 0, 1)).summarize(4);
    const { xCache: _x, ...rest } = totals;
    Object.assign(s, { endpoints, totals: rest, verdict: 'fail' });
    s.trials = [{ endpoints: {}, totals: { requests: 0, errors: 0, throughputRps: 0, p50: 0, p95: 0, p99: 0 }, cacheHitRatio: null }];
    s.thresholds = [{ metric: 'http_req_duration', expression: 'p(95)<800', observed: null, ok: false, note: 'no samples' }];
    const out = await mkdtemp(path.join(os.tmpdir(), 'sp-empty-run-'));
    try {
      const { files: f } = await writeReports(s, out);
      expect(await readSummary(out)).toEqual(s);
      const md = await readFile(f['report.md']!, 'utf8');
      expect(md).toContain('| total | 0 | 0 | 0.0 | n/a | n/a | n/a | n/a | n/a |');
      expect(md).toContain('| ✗ | `http_req_duration` | `p(95)<800` | n/a | no samples |');
      expect(XMLValidator.validate(await readFile(f['junit.xml']!, 'utf8'))).toBe(true);
      expect(await readFile(f['report.html']!, 'utf8')).toContain('id="report-data"');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
