/*
 * The generic k6 script (scenarios/k6/workloadTest.ts) run in Node with stand-ins for k6's built-in modules, through
 * the very entry file runK6 writes: it must send exactly the requests the workload's own endpoint table builds
 * (there is no k6-side copy of any table), with the tags, expected statuses, scenarios and thresholds k6 needs.
 * k6 itself cannot run here (no registry ships it); its parsing side is tested against recorded real output.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyticsEndpoints, defaultAnalyticsMix } from '../../../scenarios/analytics/endpoints.ts';
import { keyAt, mixPicker, type K6EndpointTable } from '../../../scenarios/k6/mixPicker.ts';
import { DEFAULT_K6_SCRIPT, k6EntrySource } from '../../../harness/drive/k6/runK6.ts';
import { repoRoot } from './k6Fixtures.ts';

interface SentRequest {
  method: string;
  url: string;
  body: string | null;
  params: { headers: Record<string, string>; tags: Record<string, string>; responseCallback: unknown };
}

// What the stand-ins for k6/http, k6, k6/execution and k6/metrics saw, and what the next response looks like.
const k6 = vi.hoisted(() => ({
  requests: [] as SentRequest[],
  rates: [] as Array<{ metric: string; value: boolean; tags: unknown }>,
  checks: [] as Array<{ ok: boolean; tags: unknown }>,
  scenario: { iterationInTest: 0, name: 'measured' },
  response: { status: 200, headers: {} as Record<string, string> },
}));

vi.mock('k6/http', () => ({
  default: {
    request: (method: string, url: string, body: string | null, params: SentRequest['params']) => {
      k6.requests.push({ method, url, body, params });
      return { status: k6.response.status, headers: k6.response.headers };
    },
    expectedStatuses: (...statuses: number[]) => ({ expectedStatuses: statuses }),
  },
}));
vi.mock('k6', () => ({
  check: (value: unknown, sets: Record<string, (v: unknown) => boolean>, tags: unknown) => {
    const ok = Object.values(sets).every((f) => f(value));
    k6.checks.push({ ok, tags });
    return ok;
  },
}));
vi.mock('k6/data', () => ({
  SharedArray: class {
    constructor(_name: string, load: () => unknown[]) {
      return load();
    }
  },
}));
vi.mock('k6/execution', () => ({ default: { scenario: k6.scenario } }));
vi.mock('k6/metrics', () => ({
  Rate: class {
    constructor(readonly metric: string) {}
    add(value: boolean, tags: unknown) {
      k6.rates.push({ metric: this.metric, value, tags });
    }
  },
}));

interface EntryModule {
  options: { scenarios: Record<string, Record<string, unknown>>; thresholds: unknown; systemTags: string[] };
  default: () => void;
  handleSummary: (data: unknown) => Record<string, string>;
}

const analyticsModule = path.join(repoRoot, 'scenarios/analytics/endpoints.ts');
const BASE_URL = 'http://127.0.0.1:9';
const keys = [7, 1, 1, 42, 3, 999, 1_000_000];
const mix = { pin_public: 70, pin_analytics: 20, pin_events: 10 };
let dir: string;
let entries = 0;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'sp-k6-script-'));
  fs.writeFileSync(path.join(dir, 'keys.json'), JSON.stringify(keys));
  fs.writeFileSync(path.join(dir, 'thresholds.json'), JSON.stringify({ 'http_req_failed{scenario:measured}': ['rate<0.01'] }));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  k6.requests.length = 0;
  k6.rates.length = 0;
  k6.checks.length = 0;
  k6.scenario.name = 'measured';
  k6.response = { status: 200, headers: {} };
});

/** k6's init context: __ENV and open() as globals. */
function k6Globals(env: Record<string, string>): void {
  Object.assign(globalThis, { __ENV: { ...env }, open: (file: string) => fs.readFileSync(file, 'utf8') });
}

function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { BASE_URL, KEYS_FILE: path.join(dir, 'keys.json'), MIX: JSON.stringify(mix), WARMUP: '5', DURATION: '20', LOAD: 'closed', VUS: '8', ...extra };
}

/** Writes the entry file runK6 would write for `endpointsModule` and loads it as k6 would (once per call: fresh init). */
async function loadEntry(endpointsModule: string, env: Record<string, string>): Promise<EntryModule> {
  k6Globals(env);
  const file = path.join(dir, `entry-${++entries}.ts`);
  await fsp.writeFile(file, k6EntrySource({ endpointsModule }));
  return (await import(file)) as EntryModule;
}

function run(entry: EntryModule, iterations: number, scenario = 'measured'): void {
  k6.scenario.name = scenario;
  for (let i = 0; i < iterations; i++) {
    k6.scenario.iterationInTest = i;
    entry.default();
  }
}

describe('the entry file runK6 writes', () => {
  it('imports `endpoints` from the workload module it is given and the generic script, and re-exports what k6 reads', () => {
    const src = k6EntrySource({ endpointsModule: analyticsModule });
    expect(src).toContain(`import { endpoints } from ${JSON.stringify(analyticsModule)};`);
    expect(src).toContain(`import { createWorkloadTest } from ${JSON.stringify(DEFAULT_K6_SCRIPT)};`);
    expect(src).toMatch(/^export const options = test\.options;$/m);
    expect(src).toMatch(/^export default test\.iteration;$/m);
    expect(src).toMatch(/^export const handleSummary = test\.handleSummary;$/m);
  });

  it('refuses module paths k6 could not import (relative, missing, or with characters its loader unescapes)', () => {
    expect(() => k6EntrySource({ endpointsModule: 'scenarios/analytics/endpoints.ts' })).toThrow(/absolute/);
    expect(() => k6EntrySource({ endpointsModule: path.join(repoRoot, 'scenarios/nope/endpoints.ts') })).toThrow(/does not exist/);
    expect(() => k6EntrySource({ endpointsModule: '/tmp/50%/endpoints.ts' })).toThrow(/misreads/);
    expect(() => k6EntrySource({ endpointsModule: '/tmp/a#b/endpoints.ts' })).toThrow(/misreads/);
  });
});

describe('the generic k6 script over the analytics endpoint table', () => {
  it('sends exactly the requests the table builds, for the endpoint the mix picks and the key drawn, with tags and expected statuses', async () => {
    const entry = await loadEntry(analyticsModule, baseEnv());
    const picker = mixPicker(analyticsEndpoints, mix);
    run(entry, 3000);
    expect(k6.requests).toHaveLength(3000);
    const seen = new Set<string>();
    k6.requests.forEach((sent, i) => {
      const endpoint = analyticsEndpoints[picker.pick(i).name]!;
      const req = endpoint.request(keyAt(keys, i, 0x27d4eb2f));
      seen.add(endpoint.name);
      expect(sent).toEqual({
        method: req.method,
        url: `${BASE_URL}${req.path}`,
        body: req.body ?? null,
        params: { headers: req.headers ?? {}, tags: { endpoint: endpoint.name, name: endpoint.route }, responseCallback: { expectedStatuses: endpoint.expectedStatuses } },
      });
    });
    // Every endpoint with a weight ran; `user` (not in the mix) never did.
    expect([...seen].sort()).toEqual(Object.keys(mix).sort());
    // The stand-in answers 200: the check holds except for pin_events, which expects 202.
    expect(k6.checks.map((c) => c.ok)).toEqual(k6.requests.map((r) => r.params.tags.endpoint !== 'pin_events'));
  });

  it('draws the warm-up keys with their own salt, so the measured phase does not replay them', async () => {
    const entry = await loadEntry(analyticsModule, baseEnv({ MIX: JSON.stringify({ user: 1 }) }));
    run(entry, 200, 'warmup');
    expect(k6.requests.map((r) => r.url)).toEqual(Array.from({ length: 200 }, (_, i) => `${BASE_URL}/users/${keyAt(keys, i, 0x5bd1e995)}`));
  });

  it('builds warm-up and measured scenarios for the closed and the open load model, with the thresholds file', async () => {
    const closed = await loadEntry(analyticsModule, baseEnv({ THRESHOLDS_FILE: path.join(dir, 'thresholds.json') }));
    expect(closed.options.scenarios).toEqual({
      measured: { executor: 'constant-vus', vus: 8, duration: '20s', startTime: '5s', gracefulStop: '30s', tags: { phase: 'measured' } },
      warmup: { executor: 'constant-vus', vus: 8, duration: '5s', startTime: '0s', gracefulStop: '0s', tags: { phase: 'warmup' } },
    });
    expect(closed.options.thresholds).toEqual({ 'http_req_failed{scenario:measured}': ['rate<0.01'] });
    expect(closed.options.systemTags).not.toContain('url');

    const open = await loadEntry(analyticsModule, baseEnv({ WARMUP: '0', LOAD: 'open', RATE: '250', VUS: '16', MAX_VUS: '16' }));
    expect(open.options.scenarios).toEqual({
      measured: { executor: 'constant-arrival-rate', rate: 250, timeUnit: '1s', duration: '20s', preAllocatedVUs: 16, maxVUs: 16, startTime: '0s', gracefulStop: '30s', tags: { phase: 'measured' } },
    });
    expect(open.options.thresholds).toEqual({});
  });

  it('records cache_hit from X-Cache, tagged by endpoint, only where the API sends it', async () => {
    const entry = await loadEntry(analyticsModule, baseEnv({ MIX: JSON.stringify({ pin_public: 1 }) }));
    k6.response.headers = { 'X-Cache': 'HIT' };
    run(entry, 2);
    k6.response.headers = { 'X-Cache': 'miss' };
    run(entry, 1);
    k6.response.headers = {};
    run(entry, 1);
    expect(k6.rates).toEqual([
      { metric: 'cache_hit', value: true, tags: { endpoint: 'pin_public' } },
      { metric: 'cache_hit', value: true, tags: { endpoint: 'pin_public' } },
      { metric: 'cache_hit', value: false, tags: { endpoint: 'pin_public' } },
    ]);
  });

  it('writes the summary data to SUMMARY_FILE and a short text to stdout', async () => {
    const summaryFile = path.join(dir, 'handle-summary.json');
    const entry = await loadEntry(analyticsModule, baseEnv({ SUMMARY_FILE: summaryFile }));
    const data = { metrics: { http_reqs: { type: 'counter', values: { count: 3, rate: 1.5 } } } };
    const out = entry.handleSummary(data);
    expect(JSON.parse(out[summaryFile]!)).toEqual(data);
    expect(out.stdout).toContain('requests 3');
  });

  it('fails in the init context on a mix the table does not have, on no mix, and on no base URL', async () => {
    await expect(loadEntry(analyticsModule, baseEnv({ MIX: JSON.stringify({ pin_private: 1 }) }))).rejects.toThrow(/unknown endpoint "pin_private".*pin_public, pin_analytics, pin_events, user/);
    await expect(loadEntry(analyticsModule, baseEnv({ MIX: '' }))).rejects.toThrow(/MIX is not set/);
    await expect(loadEntry(analyticsModule, baseEnv({ BASE_URL: '' }))).rejects.toThrow(/BASE_URL is not set/);
  });
});

describe('any workload', () => {
  it('runs through the same script: a new endpoints module is all it takes', async () => {
    const module = path.join(dir, 'pingEndpoints.ts');
    await fsp.writeFile(
      module,
      `export const endpoints = {
        ping: { name: 'ping', route: 'POST /ping/:id', expectedStatuses: [201], request: (key: number) => ({ method: 'POST', path: '/ping/' + key, headers: { 'x-k': String(key) }, body: '{"k":' + key + '}' }) },
      };\n`,
    );
    const entry = await loadEntry(module, baseEnv({ MIX: JSON.stringify({ ping: 3 }) }));
    k6.response.status = 201;
    run(entry, 50);
    expect(k6.requests.map((r) => [r.method, r.url, r.body, r.params.headers['x-k'], r.params.tags.endpoint, r.params.tags.name])).toEqual(
      Array.from({ length: 50 }, (_, i) => {
        const key = keyAt(keys, i, 0x27d4eb2f);
        return ['POST', `${BASE_URL}/ping/${key}`, `{"k":${key}}`, String(key), 'ping', 'POST /ping/:id'];
      }),
    );
    expect(k6.requests[0]!.params.responseCallback).toEqual({ expectedStatuses: [201] });
    expect(k6.checks.every((c) => c.ok)).toBe(true);
  });

  it('has no copy on the k6 side: no file in scenarios/k6 names any workload endpoint or its path', async () => {
    const k6Dir = path.join(repoRoot, 'scenarios/k6');
    expect(fs.existsSync(path.join(k6Dir, 'analyticsEndpoints.ts'))).toBe(false);
    expect(fs.existsSync(path.join(k6Dir, 'analytics.ts'))).toBe(false);
    const k6Sources = fs
      .readdirSync(k6Dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [f, fs.readFileSync(path.join(k6Dir, f), 'utf8')] as const);
    const modules = fs
      .readdirSync(path.join(repoRoot, 'scenarios'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'k6' && fs.existsSync(path.join(repoRoot, 'scenarios', d.name, 'endpoints.ts')))
      .map((d) => path.join(repoRoot, 'scenarios', d.name, 'endpoints.ts'));
    expect(modules).toContain(analyticsModule);
    for (const module of modules) {
      const { endpoints } = (await import(module)) as { endpoints: K6EndpointTable };
      expect(Object.keys(endpoints).length, `${module} exports its table as \`endpoints\``).toBeGreaterThan(0);
      for (const e of Object.values(endpoints)) {
        // The route's literal prefix ("/pin/public/" of "GET /pin/public/:number") and the endpoint's quoted name.
        const literal = e.route.replace(/^[A-Z]+ /, '').split(':')[0]!;
        for (const [file, src] of k6Sources) {
          expect(src.includes(`'${e.name}'`) || src.includes(`"${e.name}"`), `${file} names endpoint ${e.name}`).toBe(false);
          if (literal.length > 1) expect(src.includes(literal), `${file} holds ${literal} of ${module}`).toBe(false);
        }
      }
    }
  });

  it('picks endpoints in the proportions of the mix, deterministically, skipping zero weights', () => {
    const picker = mixPicker(analyticsEndpoints, defaultAnalyticsMix);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 100_000; i++) counts[picker.pick(i).name] = (counts[picker.pick(i).name] ?? 0) + 1;
    expect(counts.user).toBeUndefined();
    expect(counts.pin_public! / 100_000).toBeCloseTo(0.7, 2);
    expect(counts.pin_analytics! / 100_000).toBeCloseTo(0.2, 2);
    expect(counts.pin_events! / 100_000).toBeCloseTo(0.1, 2);
    expect(mixPicker(analyticsEndpoints, defaultAnalyticsMix).pick(12345).name).toBe(picker.pick(12345).name);
  });

  it('draws keys from the pre-sampled list so their frequencies (the skew) carry over', () => {
    const skewed = [...Array(900).fill(1), ...Array(100).fill(2)] as number[];
    let ones = 0;
    for (let i = 0; i < 50_000; i++) if (keyAt(skewed, i, 0x27d4eb2f) === 1) ones++;
    expect(ones / 50_000).toBeCloseTo(0.9, 2);
  });

  it('rejects a mix that names an endpoint outside the table or gives nothing a weight', () => {
    expect(() => mixPicker(analyticsEndpoints, { pin_private: 1 })).toThrow(/pin_private/);
    expect(() => mixPicker(analyticsEndpoints, { toString: 1 })).toThrow(/unknown endpoint "toString"/);
    expect(() => mixPicker(analyticsEndpoints, { pin_public: 0 })).toThrow(/weight > 0/);
  });
});
