/*
 * A scaling plan's quantitative claims, as data (bench:plan). Each workload keeps its plan's claims in one typed
 * file next to its thresholds (thresholds/<workload>Claims.ts). Every claim with a number in the seed is listed:
 * what cannot be measured on this machine carries `notMeasurable` with the reason, and is never dropped.
 */

/** One configuration bench:plan runs: a variant of the workload, optionally with its topology switched. */
export interface PlanStep {
  /** Short id used by claims (`before`/`after`), e.g. 'naive', 'phase1', 'optimized'. */
  id: string;
  /** The workload variant this step runs. */
  variant: string;
  /** One line for the report, in the plan's words, e.g. "Phase 1: tables + indexes". */
  label: string;
  /** Pooler (pgBouncer) and read replica on or off for this step; absent means the variant's own default. */
  topology?: { pooler?: boolean | undefined; replica?: boolean | undefined } | undefined;
}

/** Where a probe claim measures: the step's API and its schema-scoped database URL. */
export interface ProbeContext {
  baseUrl: string;
  /** Scoped to the step's variant schema (search_path). */
  databaseUrl: string;
  /** Dataset scale and seed, to pick keys that exist (the scenarios' layout). */
  users: number;
  seed: number;
  /** A probe that cannot finish in this many seconds throws (saying how long it waited), so a plan run stays bounded. */
  timeoutS: number;
  /**
   * One request to the step's API (the probe sets its own headers, e.g. a tenant's x-client-id): status, body,
   * wall ms, and the statements the API issued serving it (its per-route counters, so background jobs do not
   * count; probes run with no other load), or null when the API does not expose them.
   */
  fetch: (path: string, init?: { method?: string; headers?: Record<string, string>; body?: string }) => Promise<{ status: number; body: string; ms: number; statements: number | null }>;
}

export type ClaimMetric =
  /** A latency percentile (ms) of one endpoint (or all requests) in the load trials. */
  | { kind: 'latency'; endpoint?: string | undefined; stat: 'p50' | 'p95' | 'p99' }
  /** Statements per request of one endpoint, counted by the API per route in the load trials. */
  | { kind: 'queriesPerRequest'; endpoint: string }
  /** Server-side cache hit ratio (0..1) in the load trials. */
  | { kind: 'cacheHitRatio' }
  /** Error rate (0..1) in the load trials. */
  | { kind: 'errorRate' }
  /** Requests per second sustained within the budget (bench:capacity's search; only with --capacity). */
  | { kind: 'capacity' }
  /**
   * A measurement the load mix does not give (one big page, a report's duration, one SQL statement's time):
   * `run` is called once per trial against the step and returns one value in `unit`.
   */
  | { kind: 'probe'; name: string; run: (ctx: ProbeContext) => Promise<number> };

export interface PlanClaim {
  /** Stable id, kebab-case, unique in the workload. */
  id: string;
  /** The plan's words, verbatim (a test checks that the seed contains them). */
  quote: string;
  /** The seed's section heading the quote is under. */
  section: string;
  /** What the numbers are in: 'ms', 's', 'queries', 'ratio', 'req/s', 'x', ... */
  unit: string;
  /** Which direction is an improvement. */
  better: 'lower' | 'higher';
  /** What the plan claims: a before value, an after value (a target), and/or an improvement factor (>1). */
  claimed: { before?: number | undefined; after?: number | undefined; factor?: number | undefined };
  /** The metric, or absent when `notMeasurable` says why. */
  metric?: ClaimMetric | undefined;
  /** Step ids (PlanClaims.steps) embodying before and after. */
  before?: string | undefined;
  after?: string | undefined;
  /** Why this claim cannot be measured here (e.g. "uptime needs months of production traffic"). */
  notMeasurable?: string | undefined;
}

export interface PlanClaims {
  workload: string;
  /** The seed document, e.g. "004_c72310a860689a06.txt". */
  seedFile: string;
  /** The configurations to run, in the plan's order (before first). */
  steps: readonly PlanStep[];
  claims: readonly PlanClaim[];
}

export function defineClaims(c: PlanClaims): PlanClaims {
  return c;
}
