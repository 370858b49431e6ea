/*
 * plan.json: what bench:plan measured for each claim of a plan, next to what the plan claims. Versioned:
 * fields are only added within a schemaVersion; a rename or a removal bumps it. Documented in harness/model/README.md.
 */
import type { Environment } from '../model/RunSummary.ts';
import type { Verdict } from './judgeClaim.ts';

export const PLAN_SCHEMA_VERSION = 1;

export type ClaimVerdict = Verdict | 'not measurable here' | 'not measured';

export interface PlanClaimResult {
  id: string;
  quote: string;
  seedFile: string;
  section: string;
  /** 'latency' | 'queriesPerRequest' | 'cacheHitRatio' | 'errorRate' | 'capacity' | 'probe:<name>', or null. */
  metric: string | null;
  endpoint?: string | undefined;
  unit: string;
  better: 'lower' | 'higher';
  claimed: { before?: number | undefined; after?: number | undefined; factor?: number | undefined };
  /** Step ids compared. */
  beforeStep?: string | undefined;
  afterStep?: string | undefined;
  /** Medians over trials; factor oriented so > 1 is an improvement, with its bootstrap interval [low, high]. */
  measured: { before: number | null; after: number; factor: number | null; low: number | null; high: number | null; afterLow: number; afterHigh: number } | null;
  /** The per-trial values the verdict was computed from. */
  samples?: { before?: number[] | undefined; after: number[] } | undefined;
  verdict: ClaimVerdict;
  reason?: string | undefined;
}

/** One trial of one step: the sample unit of every claim. */
export interface StepTrial {
  trial: number;
  /** Position in the run log (interleaving: steps alternate inside each trial round). */
  order: number;
  startedAt: string;
  durationS: number;
  offeredRps: number;
  achievedRps: number;
  errorRate: number;
  cacheHitRatio: number | null;
  /** Per endpoint and '*' (all requests). */
  latencyMs: Record<string, { p50: number; p95: number; p99: number }>;
  queriesPerRequest: Record<string, number | null>;
  probes: Record<string, number | null>;
  /** Why a probe gave no value, by probe name. */
  probeErrors?: Record<string, string> | undefined;
  scheduleLagP99Ms: number | null;
}

export interface ExplainedStatement {
  shape: string;
  calls: number;
  totalMs: number;
  /** EXPLAIN (ANALYZE, BUFFERS) text, or why it could not be run. */
  plan?: string | undefined;
  error?: string | undefined;
}

export interface PlanStepResult {
  id: string;
  variant: string;
  label: string;
  topology?: { pooler?: boolean | undefined; replica?: boolean | undefined } | undefined;
  /** What the step actually ran on: the pooler and replica kinds ('off', 'none' when asked for and absent, ...). */
  ran: { pooler: string; replica: string } | null;
  trials: StepTrial[];
  /** All trials' requests merged: an encoded HDR histogram (ms) for the latency distribution chart. */
  histogram: string | null;
  latencyMs: { p50: number; p95: number; p99: number } | null;
  explain: ExplainedStatement[];
  dataset: { seeded: boolean; wallSeconds: number | null } | null;
  /** --capacity: the confirmation trials' highest passing rates (req/s) of bench:capacity's search; null without. */
  capacityRps: number[] | null;
}

export interface PlanReport {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  workload: string;
  seedFile: string;
  runId: string;
  gitCommit: string | null;
  startedAt: string;
  endedAt: string;
  environment: {
    machine: Environment['machine'];
    loadAverage: number[];
    postgres?: { kind: string; version: string } | undefined;
    redis?: { kind: string; version?: string | undefined } | undefined;
    method: string;
  };
  dataset: { users: number; seed: number; distribution: string };
  load: { ratePerSecond: number; rateSource: string; arrivals: 'constant' | 'poisson'; warmupS: number; durationS: number; trials: number; maxConnections: number };
  steps: PlanStepResult[];
  /** Every measured trial in the order it ran. */
  runLog: Array<{ order: number; trial: number; step: string; startedAt: string }>;
  claims: PlanClaimResult[];
  counts: Record<ClaimVerdict, number>;
  notes: string[];
}
