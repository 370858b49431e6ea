/*
 * The one k6 v1 script (native TypeScript) for every workload, driven by harness/drive/k6/runK6.ts. It has no
 * endpoints of its own: createWorkloadTest takes the workload's endpoint table, the very module the Node side
 * uses (scenarios/<workload>/endpoints.ts, `export const endpoints`). k6 resolves imports statically and cannot
 * import a module whose path comes from __ENV, so runK6 writes a small entry file per run that imports the table
 * and this factory and re-exports what k6 reads:
 *
 *   import { endpoints } from '/abs/repo/scenarios/analytics/endpoints.ts';
 *   import { createWorkloadTest } from '/abs/repo/scenarios/k6/workloadTest.ts';
 *   const test = createWorkloadTest(endpoints);
 *   export const options = test.options;
 *   export default test.iteration;
 *   export const handleSummary = test.handleSummary;
 *
 * Call it once, at the top level of the entry file (k6's init context: open() and SharedArray work only there).
 * Configuration, all via __ENV (runK6 passes `-e`):
 *   BASE_URL         the API, e.g. http://127.0.0.1:3000
 *   KEYS_FILE        JSON array of pre-sampled key ids (seeders/engine key sampler), loaded once into a SharedArray
 *   MIX              JSON weights by endpoint name of the table, e.g. {"a":70,"b":20,"c":10}
 *   WARMUP, DURATION seconds of warm-up and of the measured phase
 *   LOAD             closed (constant-vus, VUS) or open (constant-arrival-rate, RATE per second, VUS..MAX_VUS)
 *   THRESHOLDS_FILE  JSON threshold set written by runK6 (already filtered to scenario:measured); optional
 *   SUMMARY_FILE     where handleSummary writes k6's summary data as JSON
 *
 * Warm-up is its own scenario ("warmup", tag phase:warmup) before the measured one ("measured", startTime = WARMUP,
 * tag phase:measured). k6 applies a threshold to every sample carrying its key's tags, warm-up included, so every
 * threshold runK6 hands k6 is filtered on {scenario:measured}. The warm-up stops hard (gracefulStop 0s) so its
 * last requests never overlap the measured phase; the parser also tells the phases apart by tag, not by time.
 *
 * Every request carries the tags endpoint (the table's name) and name (its route template), and its own
 * responseCallback (http.expectedStatuses of that endpoint), so k6's http_req_failed / expected_response match
 * the table's expected statuses per endpoint. cache_hit (a Rate) records the X-Cache response header where the
 * API sends one: the client-side view. The server-side cache_hit_ratio threshold is judged by scaleproof from
 * Redis/API counters after the run.
 */
import http from 'k6/http';
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import { Rate } from 'k6/metrics';
import type { Options, Scenario } from 'k6/options';
import { keyAt, mixPicker, type K6Endpoint, type K6EndpointTable } from './mixPicker.ts';
import { textSummary, type SummaryData } from './textSummary.ts';

export const MEASURED_SCENARIO = 'measured';
export const WARMUP_SCENARIO = 'warmup';
/** Key-draw salts per phase, so the measured phase does not replay the warm-up's key sequence. */
export const KEY_SALTS = { warmup: 0x5bd1e995, measured: 0x27d4eb2f } as const;

export interface WorkloadTest {
  /** k6's options: the scenarios, thresholds and tag settings. */
  options: Options;
  /** One iteration (the entry file's default export): one request of the mix. */
  iteration: () => void;
  handleSummary: (data: SummaryData) => Record<string, string>;
}

function env(name: string, fallback?: string): string {
  const v = __ENV[name];
  if (v !== undefined && v !== '') return v;
  if (fallback !== undefined) return fallback;
  throw new Error(`${name} is not set; run this script through scaleproof (runK6) or pass -e ${name}=...`);
}

function seconds(name: string, fallback: string): number {
  const n = Number(env(name, fallback));
  if (!(n >= 0)) throw new Error(`${name} must be a number of seconds >= 0, got ${JSON.stringify(__ENV[name])}`);
  return n;
}

function count(name: string, fallback: string): number {
  const n = Number(env(name, fallback));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number >= 1, got ${JSON.stringify(__ENV[name])}`);
  return n;
}

function jsonObject(name: string, text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`${name} is not valid JSON: ${String(err)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${name} must hold a JSON object`);
  return parsed as Record<string, unknown>;
}

function checkTable(endpoints: K6EndpointTable): void {
  const names = Object.keys(endpoints ?? {});
  if (names.length === 0) throw new Error('the endpoint table is empty; the entry file must import `endpoints` from a workload endpoints module');
  for (const key of names) {
    const e = endpoints[key]!;
    if (e.name !== key) throw new Error(`endpoint table entry ${JSON.stringify(key)} is named ${JSON.stringify(e.name)}; the key and the name must agree (the name is the endpoint tag)`);
    if (typeof e.request !== 'function' || typeof e.route !== 'string' || !Array.isArray(e.expectedStatuses) || e.expectedStatuses.length === 0) {
      throw new Error(`endpoint ${JSON.stringify(key)} needs a route, expectedStatuses and a request(key) function`);
    }
  }
}

/** Builds the whole k6 test for one workload's endpoint table. Call once, in the init context. */
export function createWorkloadTest(endpoints: K6EndpointTable): WorkloadTest {
  checkTable(endpoints);
  const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
  const WARMUP_S = seconds('WARMUP', '0');
  const DURATION_S = seconds('DURATION', '30');
  const LOAD = env('LOAD', 'closed');
  const SUMMARY_FILE = env('SUMMARY_FILE', '');
  // No default mix: it is the workload's (its defaults), and runK6 always passes the run's.
  const picker = mixPicker(endpoints, jsonObject('MIX', env('MIX')));
  const THRESHOLDS_FILE = env('THRESHOLDS_FILE', '');
  const thresholds = (THRESHOLDS_FILE ? jsonObject('THRESHOLDS_FILE', open(THRESHOLDS_FILE)) : {}) as NonNullable<Options['thresholds']>;

  // One copy of the keys for all VUs (SharedArray), read once in the init context.
  const keys = new SharedArray('keys', () => {
    const parsed: unknown = JSON.parse(open(env('KEYS_FILE')));
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((k) => Number.isInteger(k) && k > 0)) {
      throw new Error('KEYS_FILE must hold a non-empty JSON array of positive integer key ids');
    }
    return parsed as number[];
  });

  const cacheHit = new Rate('cache_hit');

  // One expected-status callback per endpoint in the mix (built once, in the init context as k6 asks).
  const expected = new Map<string, ReturnType<typeof http.expectedStatuses>>(picker.endpoints.map((e) => [e.name, http.expectedStatuses(...e.expectedStatuses)]));

  function phase(name: typeof WARMUP_SCENARIO | typeof MEASURED_SCENARIO, startS: number, durationS: number): Scenario {
    const common = {
      startTime: `${startS}s`,
      // Warm-up ends hard at its boundary; the measured phase lets in-flight requests finish.
      gracefulStop: name === WARMUP_SCENARIO ? '0s' : '30s',
      tags: { phase: name },
      // No `exec`: both scenarios run the entry file's default export (iteration).
    };
    if (LOAD === 'open') {
      const vus = count('VUS', '32');
      return { ...common, executor: 'constant-arrival-rate', rate: count('RATE', '100'), timeUnit: '1s', duration: `${durationS}s`, preAllocatedVUs: vus, maxVUs: Math.max(vus, count('MAX_VUS', String(vus))) };
    }
    if (LOAD !== 'closed') throw new Error(`LOAD must be closed or open, got ${JSON.stringify(LOAD)}`);
    return { ...common, executor: 'constant-vus', vus: count('VUS', '32'), duration: `${durationS}s` };
  }

  const scenarios: Record<string, Scenario> = { [MEASURED_SCENARIO]: phase(MEASURED_SCENARIO, WARMUP_S, DURATION_S) };
  if (WARMUP_S > 0) scenarios[WARMUP_SCENARIO] = phase(WARMUP_SCENARIO, 0, WARMUP_S);

  const options: Options = {
    scenarios,
    thresholds,
    discardResponseBodies: true, // latency and status are all we measure; bodies would only cost memory
    // Fewer system tags = a smaller --out json stream; url is dropped because `name` already carries the route.
    systemTags: ['status', 'method', 'name', 'scenario', 'expected_response', 'check', 'error_code'],
    summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'p(99.9)'],
  };

  function send(endpoint: K6Endpoint, key: number): void {
    const req = endpoint.request(key);
    const tags = { endpoint: endpoint.name, name: endpoint.route };
    const res = http.request(req.method, `${BASE_URL}${req.path}`, req.body ?? null, {
      headers: req.headers ?? {},
      tags,
      responseCallback: expected.get(endpoint.name),
    });
    const xCache = res.headers['X-Cache'];
    if (xCache !== undefined) cacheHit.add(xCache.toUpperCase() === 'HIT', { endpoint: endpoint.name });
    check(res, { 'status is expected': (r) => endpoint.expectedStatuses.indexOf(r.status) >= 0 }, { endpoint: endpoint.name });
  }

  return {
    options,
    iteration(): void {
      const i = exec.scenario.iterationInTest;
      send(picker.pick(i), keyAt(keys, i, exec.scenario.name === WARMUP_SCENARIO ? KEY_SALTS.warmup : KEY_SALTS.measured));
    },
    handleSummary(data: SummaryData): Record<string, string> {
      const out: Record<string, string> = { stdout: textSummary(data) };
      if (SUMMARY_FILE) out[SUMMARY_FILE] = JSON.stringify(data, null, 2);
      return out;
    },
  };
}
