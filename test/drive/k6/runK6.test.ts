import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_K6_SCRIPT, runK6 } from '../../../harness/drive/k6/runK6.ts';
import { parseK6Points } from '../../../harness/drive/k6/parseK6Points.ts';
import { parseSummaryExport } from '../../../harness/drive/k6/parseSummaryExport.ts';
import { parseHandleSummary } from '../../../harness/drive/k6/parseHandleSummary.ts';
import { isScaleproofError } from '../../../harness/errors/ScaleproofError.ts';
import { analyticsThresholds } from '../../../thresholds/analytics.ts';
import { fixturesDir, repoRoot } from './k6Fixtures.ts';

let dir: string;

/**
 * A stand-in k6 (k6 itself is a Go binary no reachable registry ships): it records its argv and the files it was
 * handed, replays a recorded real run's output files to the paths it was given, prints k6-like lines, and exits.
 */
async function fakeK6(name: string, fixture: 'pass' | 'fail', exitCode: number): Promise<string> {
  const file = path.join(dir, name);
  const body = `#!${process.execPath}
const fs = require('node:fs'), path = require('node:path'), zlib = require('node:zlib');
const argv = process.argv.slice(2);
const after = (flag) => argv[argv.indexOf(flag) + 1];
const env = Object.fromEntries(argv.flatMap((a, i) => (argv[i - 1] === '-e' ? [[a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]] : [])));
const exportPath = after('--summary-export');
const pointsPath = after('--out').replace(/^json=/, '');
const dir = ${JSON.stringify(path.join(fixturesDir, fixture))};
fs.writeFileSync(path.join(path.dirname(exportPath), 'fake-k6-call.json'), JSON.stringify({ argv, env, script: fs.readFileSync(argv.at(-1), 'utf8'), keys: JSON.parse(fs.readFileSync(env.KEYS_FILE, 'utf8')), thresholds: JSON.parse(fs.readFileSync(env.THRESHOLDS_FILE, 'utf8')) }));
console.log('running (01.0s), 000/020 VUs, 100 complete and 0 interrupted iterations');
if (${exitCode} !== 0 && ${exitCode} !== 99) { console.error('time="x" level=error msg="GoError: BASE_URL is not set"'); process.exit(${exitCode}); }
fs.copyFileSync(path.join(dir, 'summary-export.json'), exportPath);
fs.copyFileSync(path.join(dir, 'handle-summary.json'), env.SUMMARY_FILE);
const points = fs.readFileSync(path.join(dir, 'points.ndjson'));
fs.writeFileSync(pointsPath, pointsPath.endsWith('.gz') ? zlib.gzipSync(points) : points);
console.log('running (03.0s), 000/020 VUs, 301 complete and 0 interrupted iterations');
if (${exitCode} === 99) console.error('time="x" level=error msg="thresholds on metrics \\'cache_hit\\' have been crossed"');
process.exit(${exitCode});
`;
  await fs.writeFile(file, body, { mode: 0o755 });
  return file;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-runk6-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const endpointsModule = path.join(repoRoot, 'scenarios/analytics/endpoints.ts');

const base = {
  endpointsModule,
  baseUrl: 'http://127.0.0.1:9',
  keys: [7, 1, 1, 42, 3],
  mix: { pin_public: 70, pin_analytics: 20, pin_events: 10 },
  warmupS: 5,
  durationS: 20,
  thresholds: analyticsThresholds,
};

describe('runK6 with a stand-in k6 binary', () => {
  it('hands k6 the entry file, output paths, settings and files, streams its lines, and reports exit 99 as thresholds crossed', async () => {
    const k6Path = await fakeK6('k6-crossed', 'fail', 99);
    const lines: Array<[string, string]> = [];
    const run = await runK6({ ...base, k6Path, load: { kind: 'closed', connections: 8, pipelining: 1 }, workDir: path.join(dir, 'crossed'), onLine: (l, s) => lines.push([s, l]) });

    expect(run).toMatchObject({ exitCode: 99, thresholdsCrossed: true });
    const call = JSON.parse(await fs.readFile(path.join(run.workDir, 'fake-k6-call.json'), 'utf8'));
    expect(call.argv.slice(0, 3)).toEqual(['run', '--summary-export', run.files.summaryExport]);
    expect(call.argv).toContain(`json=${run.files.points}`);
    // k6 runs the entry file in the run folder, which imports the workload's table and the generic script.
    expect(call.argv.at(-1)).toBe(run.files.entry);
    expect(path.dirname(run.files.entry)).toBe(run.workDir);
    expect(call.script).toContain(`import { endpoints } from ${JSON.stringify(endpointsModule)};`);
    expect(call.script).toContain(`import { createWorkloadTest } from ${JSON.stringify(DEFAULT_K6_SCRIPT)};`);
    expect(call.script).toContain('export default test.iteration;');
    await expect(fs.access(DEFAULT_K6_SCRIPT)).resolves.toBeUndefined();
    expect(call.env).toMatchObject({ BASE_URL: base.baseUrl, WARMUP: '5', DURATION: '20', LOAD: 'closed', VUS: '8', SUMMARY_FILE: run.files.handleSummary });
    expect(JSON.parse(call.env.MIX)).toEqual(base.mix);
    expect(call.keys).toEqual(base.keys);
    expect(call.thresholds).toEqual({
      'http_req_duration{endpoint:pin_public,scenario:measured}': ['p(95)<800'],
      'http_req_duration{endpoint:pin_analytics,scenario:measured}': ['p(95)<800'],
      'http_req_duration{endpoint:pin_events,scenario:measured}': ['p(95)<800'],
      'http_req_failed{scenario:measured}': ['rate<0.01'],
      'http_reqs{scenario:measured}': ['count>=4000'],
    });
    expect(lines).toContainEqual(['stdout', 'running (03.0s), 000/020 VUs, 301 complete and 0 interrupted iterations']);
    expect(lines.some(([s, l]) => s === 'stderr' && l.includes('have been crossed'))).toBe(true);

    // What it returns is readable by the parsers: the points were gzipped on the way.
    expect(run.files.points.endsWith('.gz')).toBe(true);
    expect((await parseK6Points(run.files.points)).totals.requests).toBe(301);
    expect((await parseSummaryExport(run.files.summaryExport)).thresholds.some((t) => !t.ok)).toBe(true);
    expect((await parseHandleSummary(run.files.handleSummary)).thresholds).toHaveLength(7);
    expect(run.mapping.map((m) => m.metric)).not.toContain('cache_hit_ratio');
  });

  it('passes the open model as RATE with a fixed VU pool, and execution segments for several instances', async () => {
    const k6Path = await fakeK6('k6-pass', 'pass', 0);
    const run = await runK6({
      ...base,
      k6Path,
      gzipPoints: false,
      load: { kind: 'open', ratePerSecond: 250, connections: 16 },
      executionSegment: { segment: '0:1/2', sequence: '0,1/2,1' },
      workDir: path.join(dir, 'open'),
    });
    expect(run).toMatchObject({ exitCode: 0, thresholdsCrossed: false });
    const call = JSON.parse(await fs.readFile(path.join(run.workDir, 'fake-k6-call.json'), 'utf8'));
    expect(call.env).toMatchObject({ LOAD: 'open', RATE: '250', VUS: '16', MAX_VUS: '16' });
    expect(call.argv.join(' ')).toContain('--execution-segment 0:1/2 --execution-segment-sequence 0,1/2,1');
    expect(run.files.points.endsWith('.ndjson')).toBe(true);
    expect((await parseK6Points(run.files.points)).totals.requests).toBe(301);
  });

  it('turns any other k6 exit into SP_K6_FAILED carrying k6 last line', async () => {
    const k6Path = await fakeK6('k6-broken', 'pass', 107);
    const err = await runK6({ ...base, k6Path, load: { kind: 'closed', connections: 1, pipelining: 1 }, workDir: path.join(dir, 'broken') }).catch((e: unknown) => e);
    expect(isScaleproofError(err, 'SP_K6_FAILED')).toBe(true);
    expect((err as Error).message).toContain('k6 exited with 107');
    expect((err as Error).message).toContain('BASE_URL is not set');
  });

  it('imports the endpoints module and the script it is given', async () => {
    const k6Path = await fakeK6('k6-other', 'pass', 0);
    const otherModule = path.join(dir, 'otherEndpoints.ts');
    const otherScript = path.join(dir, 'otherScript.ts');
    await fs.writeFile(otherModule, 'export const endpoints = {};\n');
    await fs.writeFile(otherScript, 'export function createWorkloadTest() {}\n');
    const run = await runK6({ ...base, endpointsModule: otherModule, scriptPath: otherScript, k6Path, load: { kind: 'closed', connections: 1, pipelining: 1 }, workDir: path.join(dir, 'other') });
    const call = JSON.parse(await fs.readFile(path.join(run.workDir, 'fake-k6-call.json'), 'utf8'));
    expect(call.script).toContain(`import { endpoints } from ${JSON.stringify(otherModule)};`);
    expect(call.script).toContain(`import { createWorkloadTest } from ${JSON.stringify(otherScript)};`);
    expect(call.script).not.toContain('scenarios/analytics');
  });

  it('refuses an endpoints module k6 could not import before starting k6', async () => {
    for (const bad of ['scenarios/analytics/endpoints.ts', path.join(dir, 'missing/endpoints.ts'), path.join(dir, 'a#b.ts')]) {
      const err = await runK6({ ...base, endpointsModule: bad, k6Path: '/nonexistent/k6', load: { kind: 'closed', connections: 1, pipelining: 1 }, workDir: path.join(dir, 'bad-module') }).catch((e: unknown) => e);
      expect(isScaleproofError(err, 'SP_CONFIG'), String(err)).toBe(true);
    }
  });

  it('rejects a threshold set k6 would choke on before starting k6', async () => {
    const err = await runK6({ ...base, thresholds: { http_req_latency: ['p(95)<1'] }, k6Path: '/nonexistent/k6', load: { kind: 'closed', connections: 1, pipelining: 1 }, workDir: path.join(dir, 'invalid') }).catch((e: unknown) => e);
    expect(isScaleproofError(err, 'SP_THRESHOLD_INVALID')).toBe(true);
  });
});
