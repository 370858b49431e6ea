/*
 * Realistic RunSummary inputs for report and comparison tests, made the way a run makes them: responses with
 * latencies drawn from a seeded log-normal distribution are recorded into LatencyRecorder (one recorder per
 * trial, plus one for the whole run), and thresholds are judged against the recorded numbers.
 */
import type { EndpointName, EndpointSummary, RunSummary, ThresholdResult, TrialSample } from '../../harness/model/RunSummary.ts';
import { SUMMARY_SCHEMA_VERSION } from '../../harness/model/RunSummary.ts';
import { LatencyRecorder } from '../../harness/drive/LatencyRecorder.ts';
import { seededRandom } from '../../harness/random/seededRandom.ts';

export interface EndpointProfile {
  /** Requests per second the synthetic driver completes. */
  rps: number;
  /** Median latency in ms (log-normal). */
  medianMs: number;
  /** Log-normal sigma: 0.3 is a tight service, 0.8 a long tail. */
  sigma: number;
  errorRate: number;
  /** Share of responses with X-Cache: HIT (cacheable endpoints only). */
  cacheHit?: number;
}

export interface SyntheticRunOptions {
  seed: number;
  runId?: string;
  trials?: number;
  durationS?: number;
  endpoints?: Partial<Record<EndpointName, EndpointProfile>>;
  /** Multiplies every latency (a regression of +50% is 1.5). */
  latencyFactor?: number;
  /** Multiplies every endpoint's request rate. */
  throughputFactor?: number;
  /** Relative standard deviation of each trial's own speed (trial-to-trial noise). */
  trialNoise?: number;
  thresholds?: Array<{ metric: string; expression: string }>;
  environment?: Partial<RunSummary['environment']>;
  inProcessCache?: boolean;
}

export const defaultProfiles: Record<'pin_public' | 'pin_analytics' | 'pin_events', EndpointProfile> = {
  pin_public: { rps: 700, medianMs: 4, sigma: 0.5, errorRate: 0, cacheHit: 0.85 },
  pin_analytics: { rps: 200, medianMs: 18, sigma: 0.7, errorRate: 0.002 },
  pin_events: { rps: 100, medianMs: 2.5, sigma: 0.4, errorRate: 0.01 },
};

function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A tiny stand-in for the threshold evaluator: enough k6 syntax for the metrics the tests use. */
export function judge(summary: Pick<RunSummary, 'endpoints' | 'totals' | 'server'>, metric: string, expression: string): ThresholdResult {
  const m = /^(\w+)(?:\{endpoint:(\w+)\})?$/.exec(metric);
  const x = /^(?:p\(([\d.]+)\)|(rate|value|max))\s*(<=|>=|<|>)\s*([\d.]+)$/.exec(expression);
  if (!m || !x) throw new Error(`synthetic judge cannot read ${metric} ${expression}`);
  const e = m[2] ? summary.endpoints[m[2] as EndpointName] : summary.totals;
  let observed: number | null = null;
  if (e && m[1] === 'http_req_duration') {
    const key = x[1] === undefined ? 'max' : (`p${x[1].replace('.', '')}` as 'p95');
    observed = (e.latencyMs as unknown as Record<string, number>)[key] ?? null;
  } else if (e && m[1] === 'http_req_failed') observed = e.requests ? e.errors / e.requests : null;
  else if (e && m[1] === 'http_reqs') observed = e.throughputRps;
  else if (m[1] === 'cache_hit_ratio') observed = summary.server.cacheHitRatio;
  const bound = Number(x[4]);
  const ops: Record<string, (a: number, b: number) => boolean> = { '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b };
  return { metric, expression, observed, ok: observed !== null && ops[x[3]!]!(observed, bound), note: observed === null ? 'no samples' : undefined };
}

export function syntheticRun(opts: SyntheticRunOptions): RunSummary {
  const random = seededRandom(opts.seed);
  const trials = opts.trials ?? 1;
  const durationS = opts.durationS ?? 4;
  const profiles = opts.endpoints ?? defaultProfiles;
  const start = Date.UTC(2025, 0, 15, 12, 0, 0);
  const whole = new LatencyRecorder(start);
  const trialSamples: TrialSample[] = [];
  let hits = 0;
  let misses = 0;

  for (let k = 0; k < trials; k++) {
    const trialStart = start + k * durationS * 1000;
    const rec = new LatencyRecorder(trialStart);
    const speed = Math.exp(normal(random) * (opts.trialNoise ?? 0.03));
    let trialHits = 0;
    let trialMisses = 0;
    for (const [name, p] of Object.entries(profiles) as Array<[EndpointName, EndpointProfile]>) {
      const perSecond = Math.max(1, Math.round(p.rps * (opts.throughputFactor ?? 1) / speed));
      for (let sec = 0; sec < durationS; sec++) {
        for (let i = 0; i < perSecond; i++) {
          const failed = random() < p.errorRate;
          const hit = p.cacheHit !== undefined ? random() < p.cacheHit : undefined;
          const latencyMs = p.medianMs * (opts.latencyFactor ?? 1) * speed * Math.exp(p.sigma * normal(random)) * (hit === false ? 3 : 1);
          const sample = {
            endpoint: name,
            status: failed ? 500 : name === 'pin_events' ? 202 : 200,
            latencyMs,
            atMs: trialStart + sec * 1000 + ((i + random()) / perSecond) * 1000,
            failed,
            xCache: hit === undefined ? undefined : hit ? ('HIT' as const) : ('MISS' as const),
          };
          rec.record(sample);
          whole.record(sample);
          if (hit === true) trialHits++;
          if (hit === false) trialMisses++;
        }
      }
    }
    hits += trialHits;
    misses += trialMisses;
    const t = rec.summarize(durationS);
    const row = (e: EndpointSummary) => ({ requests: e.requests, errors: e.errors, throughputRps: e.throughputRps, p50: e.latencyMs.p50, p95: e.latencyMs.p95, p99: e.latencyMs.p99 });
    trialSamples.push({
      endpoints: Object.fromEntries(Object.entries(t.endpoints).map(([n, e]) => [n, row(e)])),
      totals: row(t.totals),
      cacheHitRatio: trialHits + trialMisses ? trialHits / (trialHits + trialMisses) : null,
    });
  }

  const { endpoints, totals } = whole.summarize(durationS * trials);
  const ratio = hits + misses ? hits / (hits + misses) : null;
  const server: RunSummary['server'] = {
    cacheHitRatio: ratio,
    cacheHitSource: 'redis-info',
    redis: { hits, misses, ratio },
    apiCounters: { hits, misses, ratio },
    xCacheHeaders: { hits, misses, ratio },
    crossCheckDelta: 0,
    queriesPerRequest: 0.42,
    postgres: { bufferHitRatio: 0.991, xactCommit: 5012, xactRollback: 0, blksHit: 99100, blksRead: 900, tupInserted: 801, numBackends: 12 },
    writeBuffer: { flushes: 9, failures: 0, depth: 0 },
    inProcessCache: opts.inProcessCache ?? false,
  };
  const { statusCounts: _s, xCache: _x, ...totalsRest } = totals;
  const base = { endpoints, totals: { ...totalsRest, statusCounts: totals.statusCounts }, server };
  const thresholds = (opts.thresholds ?? []).map((t) => judge(base, t.metric, t.expression));
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    runId: opts.runId ?? `20250115-120000-s${opts.seed}`,
    gitCommit: 'abc1234',
    startedAt: new Date(start - 2000).toISOString(),
    endedAt: new Date(start + durationS * trials * 1000).toISOString(),
    verdict: thresholds.every((t) => t.ok) ? 'pass' : 'fail',
    scenario: { name: 'analytics', mix: { pin_public: 70, pin_analytics: 20, pin_events: 10 }, warmupS: 2, durationS },
    environment: {
      machine: { hostname: 'ci-runner', cpus: 2, cpuModel: 'Test CPU @ 2.0GHz', memoryBytes: 4 * 1024 ** 3, os: 'linux 6.1', node: 'v20.19.0' },
      postgres: { kind: 'external', version: '15.8' },
      redis: { kind: 'external', version: '7.0.15' },
      dataset: { generatorVersion: 1, seed: 42, users: 1000, eventsPerUser: 5 },
      driver: 'autocannon',
      loadModel: { kind: 'closed', connections: 16, pipelining: 1 },
      method: `pnpm bench:analytics --users 1000 --duration ${durationS} --repeat ${trials}`,
      ...opts.environment,
    },
    warmup: { requests: 310, errors: 0, durationS: 2, latencyMs: { p50: 6.1, p95: 21.5, p99: 40.2 } },
    ...base,
    validity: { warmupExcluded: true, generatorSaturated: false, maxEventLoopLagMs: 12.5, driverCpuPercent: 41, droppedIterations: null, notes: [] },
    thresholds,
    trials: trialSamples,
  };
}
