/*
 * The pooler and the read replica in front of one variant's schema, as the run asks (--pooler/--replica over the
 * variant's Variant.topology, default off): the API's DATABASE_URL through the pooler's alias for the schema,
 * SCALEPROOF_PG_NAMED_STATEMENTS as the pooler allows, and DATABASE_REPLICA_URL on the replica once it has
 * replayed what was seeded. Asked for and not available: the run goes direct or without a replica, says so
 * loudly, and the summary records it.
 */
import type { Topology, TopologyRequest } from '../model/Topology.ts';
import { sampleReplicaLag, type ReplicaLagSummary } from '../probe/replicaLag.ts';
import { withSchema } from '../migrate/schemaUrl.ts';
import type { Services } from '../services/startServices.ts';
import { startPooler } from '../services/startPooler.ts';
import { waitForReplay } from '../services/waitForReplay.ts';
import type { Log } from '../services/ServiceHandle.ts';
import type { Variant } from '../workload/Workload.ts';

export interface PreparedTopology {
  topology: Topology;
  /** Environment for the API child: DATABASE_URL, DATABASE_REPLICA_URL (empty: none), SCALEPROOF_PG_NAMED_STATEMENTS. */
  apiEnv: Record<string, string>;
  /** Samples the replica's lag from now until stop() (absent without a replica). */
  sampleLag?: (() => { stop(): Promise<ReplicaLagSummary> }) | undefined;
}

export interface PrepareTopologyOptions {
  request: TopologyRequest;
  variant: Readonly<Variant>;
  services: Services;
  schema: string;
  /** The schema's direct URL on the primary. */
  schemaUrl: string;
  pgbouncerUrl?: string | undefined;
  databaseReplicaUrl?: string | undefined;
  pathVar: string | undefined;
  statementTimeoutMs: number;
  log: Log;
}

export async function prepareTopology(o: PrepareTopologyOptions, stops: Array<() => Promise<unknown>>): Promise<PreparedTopology> {
  const wantPooler = o.request.pooler ?? o.variant.topology?.pooler ?? false;
  const wantReplica = o.request.replica ?? o.variant.topology?.replica ?? false;
  const notes: string[] = [];
  const apiEnv: Record<string, string> = { DATABASE_URL: o.schemaUrl, DATABASE_REPLICA_URL: '', SCALEPROOF_PG_POOLED: '0', SCALEPROOF_PG_NAMED_STATEMENTS: '1' };
  const topology: Topology = { pooler: { requested: wantPooler, kind: 'off' }, replica: { requested: wantReplica, kind: 'off', servedReads: false }, notes };
  let sampleLag: PreparedTopology['sampleLag'];

  if (wantReplica) {
    const replica = await o.services.replica(o.databaseReplicaUrl);
    topology.replica.kind = replica.kind;
    if (replica.url) {
      const replicaUrl = withSchema(replica.url, o.schema);
      // Reads go there only once the seeded data is there too.
      if (replica.kind === 'spawned') await waitForReplay(o.services.postgres.url, replicaUrl, 300_000);
      apiEnv.DATABASE_REPLICA_URL = replicaUrl;
      topology.replica.servedReads = true;
      const primaryUrl = o.services.postgres.url;
      sampleLag = () => sampleReplicaLag(primaryUrl, { applicationName: replica.applicationName });
    } else {
      notes.push('A read replica was asked for but there is none (external DATABASE_URL without DATABASE_REPLICA_URL): replica reads went to the primary.');
    }
  }
  if (wantPooler) {
    const pooler = await startPooler({
      pgbouncerUrl: o.pgbouncerUrl, serverUrl: o.services.postgres.url, schemas: [o.schema], pathVar: o.pathVar, statementTimeoutMs: o.statementTimeoutMs, log: o.log,
    });
    stops.push(() => pooler.stop());
    topology.pooler = { requested: true, kind: pooler.kind, version: pooler.version, mode: pooler.mode, poolSize: pooler.poolSize, namedStatements: pooler.namedStatements };
    const pooled = pooler.urlFor(o.schema);
    if (pooled) {
      apiEnv.DATABASE_URL = pooled;
      apiEnv.SCALEPROOF_PG_POOLED = '1';
      apiEnv.SCALEPROOF_PG_NAMED_STATEMENTS = pooler.namedStatements ? '1' : '0';
      // Migrated already (direct); the migrator's session advisory lock has no meaning under transaction pooling.
      apiEnv.SCALEPROOF_MIGRATE_ON_START = '0';
    } else {
      notes.push('A pooler was asked for but there is none (no PGBOUNCER_URL, no pgbouncer on PATH): the API connected to Postgres directly.');
    }
  }
  return { topology, apiEnv, sampleLag };
}
