/*
 * What a workload is: everything specific to one scaling plan (one seed document), as one unit the engine
 * loads by name (kysely's Dialect, fastify's plugin). The engine (harness/) only ever sees these types; the
 * units themselves live in scenarios/<name>/workload.ts and are named in scenarios/registry.ts.
 */
import type { EndpointTable, KeyDistribution } from '../../scenarios/Scenario.ts';
import type { ThresholdSet } from '../judge/ThresholdSet.ts';
import type { EnvVarSpec } from '../config/EnvVarSpec.ts';
import type { WorkloadPlugin } from '../../reference-impl/platform/WorkloadPlugin.ts';
import type { DatasetIdentity } from '../model/RunSummary.ts';
import type { PlanClaims } from '../plan/PlanClaims.ts';

export type { DatasetIdentity };

export type { EndpointDef, EndpointTable } from '../../scenarios/Scenario.ts';

/** A workload's (or variant's) run defaults: one object, overridden by flags. */
export interface WorkloadDefaults {
  /** Dataset scale, in the plan's users. */
  users: number;
  seed: number;
  distribution: KeyDistribution;
  /** Weight per endpoint name; 0 leaves an endpoint out of the default mix. */
  mix: Readonly<Record<string, number>>;
  warmupS: number;
  durationS: number;
  connections: number;
  pipelining: number;
}

/**
 * The plan's load per user, for capacity in users (bench:capacity): the plan's target users and the request
 * rate it says they make, with the sentence it comes from. users = rate / perUserRps is a linear extrapolation.
 */
export interface PlanLoad {
  /** Requests per second one user of the plan's profile makes. */
  perUserRps: number;
  /** The users the plan targets; perUserRps x planUsers is the plan's target load. */
  planUsers: number;
  /** The plan's words (and where they are), quoted. */
  source: string;
}

export interface SeedRequest {
  /** Already scoped to the workload x variant's own Postgres schema (search_path). */
  databaseUrl: string;
  variant: string;
  users: number;
  seed: number;
  distribution: KeyDistribution;
  /** Reload even when the manifest matches. */
  force?: boolean | undefined;
  log: (line: string) => void;
  /** Per-table progress bars; only for a TTY. */
  progress?: boolean | undefined;
  /** Parallel COPY streams (default: one per CPU). */
  streams?: number | undefined;
  /** End of the dataset's time span (ISO 8601); default today 00:00 UTC. Given explicitly, it must match to skip. */
  asOf?: string | undefined;
  /** Workload-specific generator knobs (e.g. analytics' eventsPerUser); unknown ones are ignored. */
  parameters?: Readonly<Record<string, number>> | undefined;
}

export interface SeedOutcome {
  /** True when the manifest matched and nothing was loaded. */
  skipped: boolean;
  identity: DatasetIdentity;
  wallSeconds: number;
  /** Wall seconds per phase (prepare, load, indexes, analyze, refresh, verify, ...). */
  phases: Readonly<Record<string, number>>;
  /** Facts about this load (not the dataset's identity), e.g. rows left in a DEFAULT partition. */
  facts: Readonly<Record<string, unknown>>;
  /** Rows per second the largest table loaded at (its COPY phase alone), when this run loaded it. */
  largestTableRowsPerSecond?: number | undefined;
}

/** The dataset: which tables, how they are generated and loaded, and what runs after the load. */
export interface DatasetDefinition {
  /** Seeded tables, biggest first. */
  tables: readonly string[];
  /** The table whose COPY rate bench:seed compares with a raw COPY of the same rows. */
  largestTable: string;
  /** bench:seed's wall-time target at the workload's default users (the figure); 120 s when absent. */
  seedWallTargetS?: number | undefined;
  /** Generator knobs besides users and seed that the CLI may set (SeedRequest.parameters), with defaults. */
  parameters?: Readonly<Record<string, { description: string; default: number }>> | undefined;
  /** Deterministic, resumable, manifest-keyed: a matching complete manifest skips the load. */
  seed(req: SeedRequest): Promise<SeedOutcome>;
  /**
   * This machine's raw COPY ceiling for largestTable: about `rows` rows of its shape, rendered first (not
   * timed), then COPYed into a scratch table with no index, which is dropped after (bench:seed).
   */
  measureRawCopy?(databaseUrl: string, rows: number): Promise<{ rows: number; rowsPerSecond: number; details?: Readonly<Record<string, number>> }>;
}

/**
 * The exact "acknowledged means stored" check: requests of `endpoints` carry a unique write id
 * (x-scaleproof-write-id, reference-impl/platform/writeId.ts) that the API stores with the row; after the run the
 * engine asks which of the ids it saw answered 2xx are in Postgres.
 */
export interface AckedWriteCheck {
  /** Endpoints whose requests carry a write id. */
  endpoints: readonly string[];
  /** The subset of `ids` stored in the variant's schema (`databaseUrl` is scoped to it), rows created at or after `since`. */
  storedIds(databaseUrl: string, ids: readonly number[], since: Date): Promise<Set<number>>;
}

export interface Variant {
  name: string;
  /** One line: what this variant is in the plan's words. */
  description: string;
  /** Absolute paths of folders of NNN_*.sql migrations, applied in order, all idempotent. */
  migrations: readonly string[];
  /** The API as a Fastify plugin, loaded lazily (only the API process needs it). */
  plugin(): Promise<WorkloadPlugin>;
  /** Overrides of the workload's defaults for this variant. */
  defaults?: Partial<WorkloadDefaults> | undefined;
  /**
   * Pooler (pgBouncer, transaction mode) and read replica in front of this variant's API; each off when absent.
   * --pooler/--replica (and bench:plan steps) override it.
   */
  topology?: { pooler?: boolean | undefined; replica?: boolean | undefined } | undefined;
}

export interface Workload {
  name: string;
  /** One line for listings. */
  title: string;
  /** The seed document this workload implements, e.g. "001_481a619d39e06029.txt". */
  seedFile: string;
  endpoints: EndpointTable;
  /** Absolute path of the module exporting `endpoints` (the generic k6 script imports it). */
  endpointsModule: string;
  defaults: WorkloadDefaults;
  /** The plan's documented targets, k6 syntax, each line citing the plan. */
  thresholds: ThresholdSet;
  dataset: DatasetDefinition;
  /** When present, every run checks that the writes answered 2xx are stored (summary.ackedWrites). */
  ackedWrites?: AckedWriteCheck | undefined;
  /** Environment variables this workload's API reads (they join the documented list). */
  env: Readonly<Record<string, EnvVarSpec>>;
  /** At least `optimized` (the plan as written) and `naive` (the "before" it describes). */
  variants: Readonly<Record<string, Variant>>;
  /** The variant run when none is named (the plan as written: optimized). */
  defaultVariant: string;
  /**
   * Tables the plan RANGE-partitions by month, whose partition for the current month must exist (seed 000's alert
   * "Partition missing for current month"): probed after each run (`partitions_missing`). Unqualified names,
   * resolved in the variant's schema; a variant that does not partition one is reported, not counted.
   */
  partitionedTables?: readonly string[] | undefined;
  /** The plan's per-user request rate and target users (capacity in users); absent when the plan gives none. */
  planLoad?: PlanLoad | undefined;
  /** The plan's quantitative claims and the steps that embody them (bench:plan); thresholds/<name>Claims.ts. */
  claims?: PlanClaims | undefined;
}
