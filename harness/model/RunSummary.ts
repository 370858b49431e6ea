/*
 * The result model: what summary.json holds (versioned; docs in harness/model/README.md). Every report writer,
 * the threshold evaluator and the comparison read this and nothing else.
 * Latencies are milliseconds, rates per second, ratios 0..1.
 */
import type { Topology } from './Topology.ts';
import type { OpenModelBlock } from './OpenModelBlock.ts';

export const SUMMARY_SCHEMA_VERSION = 1 as const;

/** An endpoint of the workload's table (scenarios/<workload>/endpoints.ts); the model takes any name. */
export type EndpointName = string;

export interface LatencyStats {
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** One second of the measured phase (t = whole seconds since the measured phase began). */
export interface TimelinePoint {
  t: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** 5xx answers in this second (absent when 0). */
  serverErrors?: number | undefined;
  /** Transport errors (refused, reset, timeout) in this second (absent when 0). */
  transportErrors?: number | undefined;
}

export interface EndpointSummary {
  requests: number;
  /** Responses that count as failed (k6's http_req_failed: transport errors and unexpected statuses). */
  errors: number;
  /** Count per HTTP status; transport errors under "error". */
  statusCounts: Record<string, number>;
  throughputRps: number;
  latencyMs: LatencyStats;
  /** HDR histogram (hdr-histogram-js encodeIntoCompressedBase64, microseconds) so runs can be merged. */
  histogram: string;
  timeline: TimelinePoint[];
  /** From X-Cache response headers, for cacheable endpoints. */
  xCache?: { hits: number; misses: number } | undefined;
  /**
   * Statements the API issued per request of this endpoint's route in the measured phase (server.routes);
   * absent when the API exposes no per-route counts (a --target, a k6 merge).
   */
  queriesPerRequest?: number | null | undefined;
}

export type LoadModel =
  | { kind: 'closed'; connections: number; pipelining: number }
  /** connections: the most the open-model driver may open; arrivals: constant unless poisson (bench --arrivals). */
  | { kind: 'open'; ratePerSecond: number; connections: number; arrivals?: 'constant' | 'poisson' | undefined };

export type CacheHitSource = 'redis-info' | 'api-metrics' | 'x-cache-header' | 'none';

export interface ThresholdResult {
  /** As written, e.g. "http_req_duration{endpoint:pin_public}". */
  metric: string;
  /** As written, e.g. "p(95)<800". */
  expression: string;
  observed: number | null;
  ok: boolean;
  /** Set when the observed value could not be computed (no samples), or why it was not judged. */
  note?: string | undefined;
  /** True when the threshold does not apply to this run (an endpoint outside the mix): shown as skipped, not as a pass. */
  skipped?: boolean | undefined;
}

export interface TrialSample {
  endpoints: Record<string, { requests: number; errors: number; throughputRps: number; p50: number; p95: number; p99: number }>;
  totals: { requests: number; errors: number; throughputRps: number; p50: number; p95: number; p99: number };
  cacheHitRatio: number | null;
}

export interface ServerSide {
  cacheHitRatio: number | null;
  cacheHitSource: CacheHitSource;
  redis?: { hits: number; misses: number; ratio: number | null } | undefined;
  /** The API's per-request cache outcomes; in the reference API one store GET each, so equal to apiStoreLookups. */
  apiCounters?: { hits: number; misses: number; ratio: number | null } | undefined;
  /** The API's store GETs by outcome: the same events Redis INFO counts, so the cross-check compares these. */
  apiStoreLookups?: { hits: number; misses: number; ratio: number | null } | undefined;
  xCacheHeaders?: { hits: number; misses: number; ratio: number | null } | undefined;
  /** |Redis INFO ratio - API store-lookup ratio|, when both are known. */
  crossCheckDelta?: number | null | undefined;
  queriesPerRequest: number | null;
  /**
   * Per route ("GET /sites/:siteId/products"): requests answered and statements issued while serving them in
   * the measured phase (the API's own counters); endpoints carry the ratio as `queriesPerRequest`.
   */
  routes?: Record<string, { requests: number; statements: number }> | undefined;
  postgres?: {
    bufferHitRatio: number | null;
    xactCommit: number;
    xactRollback: number;
    blksHit: number;
    blksRead: number;
    tupInserted: number;
    numBackends: number;
  } | undefined;
  topStatements?: Array<{ query: string; calls: number; meanMs: number; totalMs: number }> | undefined;
  /**
   * The statement with the largest mean execution time in the measured phase's pg_stat_statements delta of the
   * run's database (the probe's own reads of pg_stat_* excluded): what `statement_mean_ms_max` judges. null
   * when no statement ran; absent when pg_stat_statements could not be read (not preloaded).
   */
  slowestStatement?: { query: string; calls: number; meanMs: number } | null | undefined;
  writeBuffer?: { flushes: number; failures: number; depth: number } | undefined;
  /**
   * The longest single execution (ms) of a statement in the measured phase, from pg_stat_statements max_exec_time:
   * exact when a statement raised its all-time max during the phase; otherwise a statement's phase mean stands in
   * (a lower bound, said in `note`). Absent when pg_stat_statements could not be read; what `statement_max_ms` judges.
   */
  statementMaxMs?: { value: number | null; query: string | null; exact: boolean; note?: string | undefined } | undefined;
  /** The workload's monthly partitioned tables and whether a partition covers now() (`partitions_missing`). */
  partitions?: {
    /** partitioned false: this variant does not RANGE-partition the table (or has none), with why; not counted. */
    tables: Record<string, { covered: boolean; partition: string | null; partitioned?: false | undefined; why?: string | undefined }>;
    missing: number;
    error?: string | undefined;
  } | undefined;
  /** Signals sampled every second during the measured phase (harness/probe/sampleDuringRun.ts); null = not measurable. */
  sampled?: SampledSignals | undefined;
  /** True when the API ran with the in-process cache instead of Redis. */
  inProcessCache: boolean;
}

/** What the in-run sampler saw; each null comes with a `notMeasurable` reason of the same name. */
export interface SampledSignals {
  samples: number;
  /** Largest write-buffer depth (events accepted, not yet written) the API reported: `write_buffer_depth_max`. */
  writeBufferDepthMax: number | null;
  /** Largest in-use / max connections of any API pool in a sample (0..1): `db_pool_usage_max`. */
  poolUsageMax: number | null;
  /** Most requests seen waiting for a pool connection in a sample. */
  poolWaitingMax: number | null;
  /** CPU of the local Postgres server processes over the phase, % of the machine's CPUs: `db_cpu_percent`. */
  dbCpuPercent: number | null;
  /** Largest one-second figure of the same. */
  dbCpuPercentMaxSecond: number | null;
  notMeasurable: Partial<Record<'writeBufferDepthMax' | 'poolUsageMax' | 'dbCpuPercent', string>>;
}

/**
 * What makes a dataset what it is: two datasets with equal identities hold the same rows. Permissive on purpose,
 * so a seeder's manifest (which also carries eventsPerUser, distribution, asOf at the top level) fits as is.
 * Read it through datasetIdentityOf (harness/model/datasetIdentity.ts), never field by field: that is what
 * leaves out the facts about a load that older files (and manifests) keep beside the identity.
 */
export interface DatasetIdentity {
  workload?: string | undefined;
  variant?: string | undefined;
  generatorVersion: string;
  seed: number;
  /** Dataset scale, in users. */
  users: number;
  /** Every other generator parameter (events per user, distribution, asOf, ...). */
  parameters?: Record<string, unknown> | undefined;
  rowCounts: Record<string, number>;
  [k: string]: unknown;
}

/** Facts about this run's load of the dataset, not about the dataset: whether it seeded, how long it took. */
export interface DatasetLoad {
  /** True when a matching dataset was already loaded and this run did not seed. */
  skipped: boolean;
  wallSeconds?: number | undefined;
  /** Anything else about this load, e.g. rows left in a DEFAULT partition. */
  facts?: Record<string, unknown> | undefined;
}

export interface Environment {
  machine: { hostname: string; cpus: number; cpuModel: string; memoryBytes: number; os: string; node: string };
  postgres?: { kind: 'external' | 'embedded'; version: string } | undefined;
  redis?: { kind: 'external' | 'spawned' | 'in-process'; version?: string | undefined } | undefined;
  /** The dataset's identity only; two runs on the same rows have equal identities. */
  dataset?: DatasetIdentity | Record<string, unknown> | undefined;
  /** Facts about how this run got its dataset (seeded or reused); never part of the identity. */
  datasetLoad?: DatasetLoad | undefined;
  /** Pooled or direct, read replica or not, and the replica's lag during the run (absent with --target). */
  topology?: Topology | undefined;
  driver: 'autocannon' | 'k6';
  loadModel: LoadModel;
  /** --target URL (password-free) when the run drove someone else's API. */
  target?: string | undefined;
  /** The exact command and how the numbers were made. */
  method: string;
}

/** One k6 instance (one shard) of a merged run, with its own counts: the merge never hides an instance. */
export interface InstanceSummary {
  /** The shard as given (folder or points file). */
  shard: string;
  /** k6-operator's / scaleproof's instance_id tag (1-based), null when the shard carries no tags. */
  instanceId: number | null;
  /** Its --execution-segment, e.g. "1/4:2/4", when known from the tags. */
  segment: string | null;
  points: number;
  requests: number;
  errors: number;
  endpoints: Record<string, { requests: number; errors: number }>;
  droppedIterations: number;
  /** k6 counter metrics of this instance (http_reqs, iterations, data_sent, ...). */
  counters: Record<string, number>;
  durationS: number;
  throughputRps: number;
  validity: {
    /** k6's exit code when the shard folder holds an `exit-code` file (99 = k6 judged its own share crossed). */
    k6ExitCode: number | null;
    /** The instance dropped iterations: it could not keep its share of the arrival rate. */
    generatorSaturated: boolean;
    notes: string[];
  };
}

/** Present when the run is a merge of several k6 instances (bench --k6-instances, bench:merge). */
export interface InstancesBlock {
  count: number;
  /** The sp_test tag the shards share (hash of the script and its inputs), null when they carry none. */
  testId: string | null;
  /** The --execution-segment-sequence, comma-separated, when known. */
  sequence: string | null;
  /** True when every shard carried the test tags and they were checked (same test, one shard per segment). */
  identityVerified: boolean;
  /** Counter metrics summed over the instances. */
  counters: Record<string, number>;
  shards: InstanceSummary[];
}

export interface RunSummary {
  schemaVersion: typeof SUMMARY_SCHEMA_VERSION;
  runId: string;
  gitCommit: string | null;
  startedAt: string;
  endedAt: string;
  verdict: 'pass' | 'fail';
  scenario: {
    name: string;
    /** The workload and variant run (absent in files written before workloads were plug-ins: analytics, optimized). */
    workload?: string | undefined;
    variant?: string | undefined;
    /** Weights in the order of the workload's endpoint table: reports list endpoints in this order. */
    mix: Partial<Record<EndpointName, number>>;
    warmupS: number;
    durationS: number;
  };
  environment: Environment;
  /** Warm-up is its own phase: reported, never merged into the measured numbers. */
  warmup: { requests: number; errors: number; durationS: number; latencyMs: Pick<LatencyStats, 'p50' | 'p95' | 'p99'> };
  totals: Omit<EndpointSummary, 'statusCounts' | 'xCache'> & { statusCounts: Record<string, number> };
  endpoints: Partial<Record<EndpointName, EndpointSummary>>;
  server: ServerSide;
  validity: {
    warmupExcluded: boolean;
    generatorSaturated: boolean;
    maxEventLoopLagMs: number | null;
    driverCpuPercent: number | null;
    droppedIterations: number | null;
    notes: string[];
    /** The open-model driver's schedule keeping and per-window verdicts (bench --rate), last measured trial. */
    openModel?: OpenModelBlock | undefined;
  };
  thresholds: ThresholdResult[];
  /** One entry per --repeat trial (one for a single run): the samples a comparison uses. */
  trials: TrialSample[];
  /** Several k6 instances merged into this result (added in version 1; absent otherwise). */
  instances?: InstancesBlock | undefined;
  /** Faults injected during the measured phase (`--fault`), in order (added in version 1; absent otherwise). */
  faults?: FaultRecord[] | undefined;
  /** Writes answered 2xx checked against Postgres by write id (workloads that declare it; added in version 1). */
  ackedWrites?: AckedWrites | undefined;
}

/** Counts of one part of a fault's window. */
export interface FaultWindowCounts {
  requests: number;
  serverErrors: number;
  transportErrors: number;
  /** Unexpected statuses other than 5xx (e.g. a 4xx the endpoint does not declare). */
  otherErrors: number;
}

/** One injected fault and what it did. Times are seconds; `...AfterS` are measured from the fault's action. */
export interface FaultRecord {
  /** As given to --fault, e.g. "api-kill@20s". */
  spec: string;
  kind: 'api-kill' | 'api-term' | 'redis-down' | 'pg-restart';
  /** What was done to the service, in words. */
  method: string;
  /** When the action began, seconds into the measured phase. */
  atS: number;
  /** How long the service was kept down before it was brought back. */
  downS: number;
  /** Until the service was back (restarted and listening, up again); null when bringing it back failed. */
  restoredAfterS: number | null;
  /** Until the first expected answer to a real request of the workload, probed every 100 ms from the action on. */
  firstSuccessAfterS: number | null;
  /** Until the end of the last second in the fault's window with a 5xx or transport error (0: none). */
  errorsStopAfterS: number | null;
  /**
   * Until the first of 3 seconds in a row that are settled: every p95 budget of the thresholds met, no 5xx or
   * transport error, and at least half the requests per second of the 10 s before the fault (a stall answers few).
   */
  p95BackAfterS: number | null;
  /** The largest of the three above: what `fault_recovery_s` judges; null when the run never recovered. */
  recoveryS: number | null;
  /** From the action until the service was back and answering. */
  during: FaultWindowCounts;
  /** From then until the next fault or the end of the phase. */
  after: FaultWindowCounts;
  /** The API's cache hit ratio while the service was down (null across an API restart). */
  cacheHitRatioDuring: number | null;
  /** The API's cache hit ratio from recovery to the end of the fault's window: is the cache used again? */
  cacheHitRatioAfter: number | null;
  /** Acknowledged writes, answered 2xx between the previous fault's action and the end of this one's, not in Postgres. */
  ackedWritesLost: number | null;
  /** Set when the fault could not be carried out or the service did not come back. */
  error?: string | undefined;
}

export interface AckedWrites {
  /** Endpoints whose requests carried a write id. */
  endpoints: string[];
  /** Writes sent with an id (warm-up and measured). */
  sent: number;
  /** Writes answered 2xx. */
  acknowledged: number;
  /** Of those, found in Postgres after the run (the API stopped and flushed first). */
  stored: number;
  /** acknowledged - stored: what `acked_writes_lost` judges. */
  lost: number;
  /** Lost writes acknowledged after the last fault's action (no fault to blame). */
  lostAfterLastFault: number;
  /** The API's acknowledgement mode for buffered writes, when the run set one. */
  ackMode?: 'buffered' | 'committed' | undefined;
}
