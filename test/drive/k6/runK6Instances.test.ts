import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runK6Instances } from '../../../harness/drive/k6/runK6Instances.ts';
import { mergeK6Shards } from '../../../harness/merge/mergeK6Shards.ts';
import { isScaleproofError } from '../../../harness/errors/ScaleproofError.ts';
import { analyticsThresholds } from '../../../thresholds/analytics.ts';
import { drivePhase } from '../../../harness/run/drivePhase.ts';
import { buildScenario } from '../../../harness/workload/buildScenario.ts';
import { createKeySampler } from '../../../seeders/engine/keySampler.ts';
import { analyticsWorkload } from '../../../scenarios/analytics/workload.ts';
import { fixturesDir, repoRoot } from './k6Fixtures.ts';

let dir: string;

/**
 * A stand-in k6 (no registry ships the real one): it serves k6's REST API on --address, waits there while
 * --paused until PATCH /v1/status says paused:false, then writes the recorded segment of its instance
 * (seg<instance_id>) to its --out json path with the --tag tags added to every point, as k6 does.
 */
async function fakeK6(name: string, opts: { failInstance?: number } = {}): Promise<string> {
  const file = path.join(dir, name);
  const body = `#!${process.execPath}
const fs = require('node:fs'), path = require('node:path'), http = require('node:http'), zlib = require('node:zlib');
const argv = process.argv.slice(2);
const after = (flag) => argv[argv.indexOf(flag) + 1];
const tags = Object.fromEntries(argv.flatMap((a, i) => (argv[i - 1] === '--tag' ? [[a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]] : [])));
const pointsPath = after('--out').replace(/^json=/, '');
const outDir = path.dirname(after('--summary-export'));
const call = { argv, tags, pid: process.pid };
if (Number(tags.instance_id) === ${opts.failInstance ?? -1}) { console.error('level=error msg="could not initialize: SyntaxError"'); process.exit(107); }
const add = Object.entries(tags).map(([k, v]) => JSON.stringify(k) + ':' + JSON.stringify(v)).join(',');
function run() {
  const src = fs.readFileSync(path.join(${JSON.stringify(path.join(fixturesDir, 'segments'))}, 'seg' + tags.instance_id, 'points.ndjson'), 'utf8');
  const out = src.split('\\n').map((l) => (l.includes('"type":"Point"') ? l.replace('"tags":{}', '"tags":{' + add + '}').replace(/"tags":\\{(?=")/, '"tags":{' + add + ',') : l)).join('\\n');
  fs.writeFileSync(pointsPath, pointsPath.endsWith('.gz') ? zlib.gzipSync(out) : out);
  fs.writeFileSync(path.join(outDir, 'fake-k6-call.json'), JSON.stringify(call));
  process.exit(0);
}
const [host, port] = after('--address').split(':');
const server = http.createServer((req, res) => {
  let b = '';
  req.on('data', (c) => (b += c));
  req.on('end', () => {
    if (req.method === 'PATCH' && JSON.parse(b).data.attributes.paused === false) {
      call.resumedAt = Date.now();
      res.end(JSON.stringify({ data: { attributes: { paused: false } } }));
      server.close();
      setTimeout(run, 10);
    } else res.end(JSON.stringify({ data: { attributes: { paused: true, status: 4 } } }));
  });
});
// Instances initialise at different speeds: the later ones must not make the earlier ones start alone.
setTimeout(() => server.listen(Number(port), host, () => { call.listeningAt = Date.now(); }), 50 * Number(tags.instance_id));
`;
  await fs.writeFile(file, body, { mode: 0o755 });
  return file;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-k6-instances-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const base = {
  endpointsModule: path.join(repoRoot, 'scenarios/analytics/endpoints.ts'),
  baseUrl: 'http://127.0.0.1:9',
  keys: [7, 1, 1, 42, 3],
  mix: { pin_public: 70, pin_analytics: 20, pin_events: 10 },
  warmupS: 0,
  durationS: 4,
  thresholds: analyticsThresholds,
  load: { kind: 'open' as const, ratePerSecond: 300, connections: 30 },
  gzipPoints: false,
};

describe('runK6Instances with a stand-in k6 binary', () => {
  it('starts N paused instances with one segment each, own API ports and output folders, resumes them together, and their shards merge into the whole test', async () => {
    const k6Path = await fakeK6('k6-ok');
    const run = await runK6Instances({ ...base, k6Path, instances: 3, workDir: path.join(dir, 'ok') });
    const calls = await Promise.all(run.shards.map(async (s) => JSON.parse(await fs.readFile(path.join(s, 'fake-k6-call.json'), 'utf8'))));
    const arg = (c: { argv: string[] }, flag: string) => c.argv[c.argv.indexOf(flag) + 1];
    expect(calls.map((c) => arg(c, '--execution-segment'))).toEqual(['0:1/3', '1/3:2/3', '2/3:1']);
    expect(calls.map((c) => arg(c, '--execution-segment-sequence'))).toEqual(Array(3).fill('0,1/3,2/3,1'));
    expect(new Set(calls.map((c) => arg(c, '--address'))).size).toBe(3);
    expect(new Set(calls.map((c) => arg(c, '--out'))).size).toBe(3);
    for (const c of calls) {
      expect(c.argv).toContain('--paused');
      expect(c.argv).toContain('--no-thresholds');
      expect(c.tags).toMatchObject({ sp_test: run.testId, sp_sequence: '0_1/3_2/3_1' });
    }
    // Together: no instance was resumed before the slowest one was ready.
    expect(Math.min(...calls.map((c) => c.resumedAt))).toBeGreaterThanOrEqual(Math.max(...calls.map((c) => c.listeningAt)));
    expect(run.sequence).toBe('0,1/3,2/3,1');

    const merged = await mergeK6Shards(run.shards);
    expect(merged.instances).toMatchObject({ count: 3, identityVerified: true, testId: run.testId });
    expect(merged.measure.totals.requests).toBe(1201);
  });

  it('stops every instance and reports the failing one when an instance exits before the start', async () => {
    const k6Path = await fakeK6('k6-fail', { failInstance: 2 });
    const err = await runK6Instances({ ...base, k6Path, instances: 3, workDir: path.join(dir, 'fail'), readyTimeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(isScaleproofError(err, 'SP_K6_FAILED'), String(err)).toBe(true);
    expect((err as Error).message).toContain('exited with 107');
  });

  it('drives a bench phase as N instances (bench --k6-instances) and returns the merged measure with each instance', async () => {
    const k6Path = await fakeK6('k6-phase');
    const scenario = buildScenario(analyticsWorkload, {
      users: 1000, seed: 1, distribution: { kind: 'uniform' }, warmupS: 0, durationS: 4, load: { kind: 'open', ratePerSecond: 300, connections: 30 },
    });
    const logs: string[] = [];
    const r = await drivePhase({
      scenario, endpointsModule: analyticsWorkload.endpointsModule, baseUrl: base.baseUrl, sampler: createKeySampler(scenario.keys),
      phase: 'measured', durationS: 4, driver: 'k6', k6Bin: k6Path, k6Instances: 3, thresholds: analyticsThresholds, progress: () => {}, log: (l) => logs.push(l),
    });
    expect(r.measure.totals.requests).toBe(1201);
    expect(r.measure.totals.throughputRps).toBeCloseTo(1201 / 4, 9);
    expect(r.instances).toMatchObject({ count: 3, identityVerified: true, sequence: '0,1/3,2/3,1' });
    expect(r.instances?.shards.map((s) => s.segment)).toEqual(['0:1/3', '1/3:2/3', '2/3:1']);
    expect(r.validity.notes[0]).toMatch(/3 k6 instances .* started together/);
    const k6Dir = /k6 files in (\S+)$/.exec(r.validity.notes[0]!)?.[1];
    expect(k6Dir).toMatch(/scaleproof-k6-measured-/);
    await fs.rm(k6Dir!, { recursive: true, force: true }); // the run keeps its k6 files for the user; the test does not
  });
});

