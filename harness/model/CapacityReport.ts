/*
 * capacity.json (versioned; documented in harness/model/README.md): what `pnpm bench:capacity` found, every step
 * it ran, what saturated first and the Universal Scalability Law fit. Latencies ms, rates per second.
 */
import type { OpenValidityRule } from './OpenModelBlock.ts';
import type { Environment } from './RunSummary.ts';

export const CAPACITY_SCHEMA_VERSION = 1 as const;

/** A threshold that failed in a window, with when and by how much. */
export interface WindowFailure {
  /** Threshold key and expression as written ("http_req_duration{endpoint:pin_public}" "p(95)<800"), or "generator" for an invalid window. */
  metric: string;
  expression: string;
  observed: number | null;
  /** Seconds since the step began (settle included) at which the failing window ended. */
  atS: number;
  /** For the generator: why the window was invalid. */
  reason?: string | undefined;
  /** Reported, but does not fail the step (cache thresholds: the hit ratio rises with the rate, see capacityBudget.ts). */
  advisory?: boolean | undefined;
}

/** What the resources did during a step's measured part (means over its samples; null when not probed). */
export interface SaturationSample {
  /** CPU, percent of one core. */
  apiCpuPercent: number | null;
  postgresCpuPercent: number | null;
  redisCpuPercent: number | null;
  driverCpuPercent: number | null;
  /** Whole machine busy, percent of all its cores (the generator shares it unless --target points elsewhere). */
  machineCpuPercent: number | null;
  apiEventLoopLagP99Ms: number | null;
  /** The API's database pool: clients waiting for a connection, and connections open (mean). */
  poolWaiting: number | null;
  poolTotal: number | null;
  /** pg_stat_activity of the run's database: active backends and what they waited on (count per wait event, mean). */
  pgActiveBackends: number | null;
  pgWaitEvents: Record<string, number>;
  redisOpsPerSecond: number | null;
}

export interface CapacityStep {
  /** Order run; phase: exponential, bisection or confirmation trial k. */
  index: number;
  phase: 'exponential' | 'bisection' | 'confirm';
  trial?: number | undefined;
  offeredRps: number;
  achievedRps: number;
  /** The generator was valid in every measured window. */
  valid: boolean;
  passed: boolean;
  /** The step was stopped early: first failing window, or a badly degraded target. */
  stoppedEarly: boolean;
  degraded: boolean;
  measuredS: number;
  latencyMs: { p50: number; p95: number; p99: number };
  errorRate: number;
  /** Little's law: achieved rate x mean latency (s), the concurrency the USL fit uses. */
  concurrency: number;
  cacheHitRatio: number | null;
  /** Failures in the order they happened; the first is what bound this step. */
  failures: WindowFailure[];
  windows: number;
  invalidWindows: number;
  scheduleLagP99Ms: number;
  late: number;
  dropped: number;
  saturation: SaturationSample;
}

export interface UslFit {
  /** X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1)); lambda in req/s per unit of concurrency. */
  lambda: number;
  sigma: number;
  kappa: number;
  /** N* = sqrt((1 - sigma) / kappa) and X(N*); null when kappa is 0 (no retrograde region in the data). */
  peakConcurrency: number | null;
  peakRps: number | null;
  rSquared: number;
  points: Array<{ concurrency: number; rps: number; predictedRps: number; residual: number }>;
  note?: string | undefined;
}

export interface CapacityReport {
  schemaVersion: typeof CAPACITY_SCHEMA_VERSION;
  runId: string;
  gitCommit: string | null;
  startedAt: string;
  endedAt: string;
  workload: string;
  variant: string;
  /** 'pass' when the plan's target load is within the found capacity (exit 0), else 'fail' (exit 99). */
  verdict: 'pass' | 'fail';
  /** Highest rate that held the budget, median of the confirmation trials, with a bootstrap interval; null when nothing passed. */
  maxSustainableRps: { value: number; low: number; high: number } | null;
  /** The threshold that failed first in the first failing step above the boundary. */
  bindingThreshold: WindowFailure | null;
  users: { value: number; perUserRps: number; source: string; planUsers: number; machinesForPlan: number | null } | null;
  planTargetRps: number | null;
  /** found / plan target - 1 (0.5 = 50% headroom; negative = short). */
  headroom: number | null;
  saturation: { resource: string; evidence: string } | null;
  usl: UslFit | null;
  trials: Array<{ trial: number; highestPassingRps: number | null; rates: number[] }>;
  steps: CapacityStep[];
  search: {
    startRps: number;
    maxRps: number;
    factor: number;
    tolerance: number;
    trials: number;
    settleS: number;
    measureS: number;
    windowS: number;
    arrivals: 'constant' | 'poisson';
    maxConnections: number;
    /** Windows judged per threshold; cache_hit_ratio (server-side) is judged per step. */
    budget: Record<string, string[]>;
    generatorRule: OpenValidityRule;
    stopReason: string;
  };
  environment: Pick<Environment, 'machine' | 'postgres' | 'redis' | 'dataset' | 'target' | 'method'> & { loadAverage: number[] };
  notes: string[];
}
