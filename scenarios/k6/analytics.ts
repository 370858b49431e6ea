/*
 * The analytics workload (seed 000) as a k6 v1 script (native TypeScript), driven by harness/drive/k6/runK6.ts.
 * Same endpoints, mix and keys as scenarios/analytics.ts. Configuration, all via __ENV (runK6 passes `-e`):
 *   BASE_URL         the API, e.g. http://127.0.0.1:3000
 *   KEYS_FILE        JSON array of pre-sampled key ids (seeders/keySampler.ts), loaded once into a SharedArray
 *   MIX              JSON weights, e.g. {"pin_public":70,"pin_analytics":20,"pin_events":10}
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
 * cache_hit (a Rate) records the X-Cache response header where the API sends one: the client-side view. The
 * server-side cache_hit_ratio threshold is judged by scaleproof from Redis/API counters after the run.
 */
import http from 'k6/http';
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import { Rate } from 'k6/metrics';
import type { Options, Scenario } from 'k6/options';
import { keyAt, mixPicker, type K6Endpoint } from './analyticsEndpoints.ts';
import { textSummary, type SummaryData } from './textSummary.ts';

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

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const WARMUP_S = seconds('WARMUP', '0');
const DURATION_S = seconds('DURATION', '30');
const LOAD = env('LOAD', 'closed');
const SUMMARY_FILE = env('SUMMARY_FILE', '');
const picker = mixPicker(JSON.parse(env('MIX', '{"pin_public":70,"pin_analytics":20,"pin_events":10}')));
const THRESHOLDS_FILE = env('THRESHOLDS_FILE', '');
const thresholds = (THRESHOLDS_FILE ? JSON.parse(open(THRESHOLDS_FILE)) : {}) as NonNullable<Options['thresholds']>;

// One copy of the keys for all VUs (SharedArray), read once in the init context.
const keys = new SharedArray('keys', () => {
  const parsed: unknown = JSON.parse(open(env('KEYS_FILE')));
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((k) => Number.isInteger(k) && k > 0)) {
    throw new Error('KEYS_FILE must hold a non-empty JSON array of positive integer key ids');
  }
  return parsed as number[];
});

const cacheHit = new Rate('cache_hit');

// One expected-status callback per endpoint, so k6's http_req_failed / expected_response match the scenario's.
const expected = new Map<string, ReturnType<typeof http.expectedStatuses>>(picker.endpoints.map((e) => [e.name, http.expectedStatuses(...e.expectedStatuses)]));

function phase(name: 'warmup' | 'measured', startS: number, durationS: number): Scenario {
  const common = {
    startTime: `${startS}s`,
    // Warm-up ends hard at its boundary; the measured phase lets in-flight requests finish.
    gracefulStop: name === 'warmup' ? '0s' : '30s',
    tags: { phase: name },
    exec: 'analytics',
  };
  if (LOAD === 'open') {
    const vus = count('VUS', '32');
    return { ...common, executor: 'constant-arrival-rate', rate: count('RATE', '100'), timeUnit: '1s', duration: `${durationS}s`, preAllocatedVUs: vus, maxVUs: Math.max(vus, count('MAX_VUS', String(vus))) };
  }
  if (LOAD !== 'closed') throw new Error(`LOAD must be closed or open, got ${JSON.stringify(LOAD)}`);
  return { ...common, executor: 'constant-vus', vus: count('VUS', '32'), duration: `${durationS}s` };
}

const scenarios: Record<string, Scenario> = { measured: phase('measured', WARMUP_S, DURATION_S) };
if (WARMUP_S > 0) scenarios.warmup = phase('warmup', 0, WARMUP_S);

export const options: Options = {
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

export function analytics(): void {
  const i = exec.scenario.iterationInTest;
  // Different salts per phase, so the measured phase does not replay the warm-up's key sequence.
  send(picker.pick(i), keyAt(keys, i, exec.scenario.name === 'warmup' ? 0x5bd1e995 : 0x27d4eb2f));
}

export function handleSummary(data: SummaryData): Record<string, string> {
  const out: Record<string, string> = { stdout: textSummary(data) };
  if (SUMMARY_FILE) out[SUMMARY_FILE] = JSON.stringify(data, null, 2);
  return out;
}
