/*
 * How the API under test reached Postgres in a run (summary.environment.topology): through a pooler or direct,
 * and whether a read replica served the reads the plan sends to one, with its lag during the run. "requested"
 * is what the variant or --pooler/--replica asked for; "kind" is what there was ('none': asked for but not
 * available, said loudly; 'off': not asked for).
 */
export interface PoolerTopology {
  requested: boolean;
  kind: 'spawned' | 'external' | 'none' | 'off';
  /** e.g. "PgBouncer 1.18.0". */
  version?: string | undefined;
  mode?: 'transaction' | undefined;
  /** Server connections per schema alias (the harness's own pgBouncer). */
  poolSize?: number | undefined;
  /** Whether the API named its statements (false behind a pooler that keeps none). */
  namedStatements?: boolean | undefined;
}

export interface ReplicaTopology {
  requested: boolean;
  kind: 'spawned' | 'external' | 'none' | 'off';
  /** The API routed its replica reads there (they fall back to the primary only while it is down). */
  servedReads: boolean;
  /** Replay lag sampled on the primary (pg_stat_replication) through the measured phase(s). */
  lag?: { samples: number; maxS: number | null; p95S: number | null; maxBytes: number | null } | undefined;
}

export interface Topology {
  pooler: PoolerTopology;
  replica: ReplicaTopology;
  /** Loud lines for the report (what was asked for and not there). */
  notes: string[];
}

/** What a step or run asks for; undefined means the variant's default. */
export interface TopologyRequest {
  pooler?: boolean | undefined;
  replica?: boolean | undefined;
}
