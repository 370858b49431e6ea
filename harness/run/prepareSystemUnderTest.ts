/*
 * What a run drives, made ready: a --target as given, or else the harness's own services (Postgres, Redis), the
 * variant's schema migrated and seeded, and the variant's API started as a child process on a private Redis key
 * prefix, directly or through a pooler, with a read replica when the run asks (prepareTopology.ts). Everything
 * started is registered in `stops` (stopped in reverse order by the caller). Shared by
 * `bench` and `bench:capacity`.
 */
import type { DatasetIdentity, DatasetLoad } from '../model/RunSummary.ts';
import type { Topology } from '../model/Topology.ts';
import type { ReplicaLagSummary } from '../probe/replicaLag.ts';
import type { KeyDistribution } from '../../scenarios/Scenario.ts';
import { migrate } from '../migrate/migrate.ts';
import { schemaName, withSchema } from '../migrate/schemaUrl.ts';
import { enablePgStatStatements } from '../probe/pgStats.ts';
import { deleteRedisPrefix } from '../services/deleteRedisPrefix.ts';
import { redactUrl } from '../services/redactUrl.ts';
import { startServices, type Services } from '../services/startServices.ts';
import { prepareTopology } from './prepareTopology.ts';
import type { RunContext } from './runBench.ts';
import { startApi, type ApiProcess } from './startApi.ts';

export interface SystemUnderTest {
  baseUrl: string;
  /** Absent with --target. */
  services?: Services | undefined;
  /** The variant's schema in the harness's Postgres (absent with --target). */
  schemaUrl?: string | undefined;
  /** The API process now; replaced by restartApi(). */
  api?: ApiProcess | undefined;
  dataset?: DatasetIdentity | undefined;
  datasetLoad?: DatasetLoad | undefined;
  /** Starts the API again on its own port (after a fault), so the load generator's URL stays valid. */
  restartApi?: (() => Promise<void>) | undefined;
  /** Pooled or direct, replica or not (absent with --target). */
  topology?: Topology | undefined;
  /** Samples the replica's lag until stop(); absent without a replica. */
  sampleReplicaLag?: (() => { stop(): Promise<ReplicaLagSummary> }) | undefined;
  /** The API's exits nobody asked for (a crash under load), each with its stderr tail: the run's notes show them. */
  unexpectedExits: string[];
}

export interface PrepareOptions {
  target?: string | undefined;
  runId: string;
  users: number;
  seed: number;
  distribution: KeyDistribution;
  datasetParameters: Readonly<Record<string, number>>;
  /** Extra environment for the API child (e.g. SCALEPROOF_ACK_MODE). */
  apiEnv?: Readonly<Record<string, string>> | undefined;
  /** Services already started (bench:plan prepares several variants on one Postgres and Redis); the caller stops them. */
  services?: Services | undefined;
  /** pgBouncer (transaction mode) in front of the API's Postgres; undefined: the variant's default (Variant.topology). */
  pooler?: boolean | undefined;
  /** A streaming read replica for the variant's replica reads; undefined: the variant's default. */
  replica?: boolean | undefined;
}

export async function prepareSystemUnderTest(o: PrepareOptions, ctx: RunContext, stops: Array<() => Promise<unknown>>): Promise<SystemUnderTest> {
  const { env, log } = ctx;
  const { workload, variant } = ctx.resolved;
  if (o.target) {
    log(`driving ${redactUrl(o.target)} (--target: no services, no seeding, no API started)`);
    return { baseUrl: o.target, unexpectedExits: [] };
  }
  const services = o.services ?? (await startServices({ databaseUrl: env.databaseUrl, redisUrl: env.redisUrl, dataDir: env.dataDir, pathVar: env.pathVar, log }));
  if (!o.services) stops.push(() => services.stopAll());
  // This workload x variant's own schema: switching variants never reseeds another one.
  const schema = schemaName(workload.name, variant.name);
  const schemaUrl = withSchema(services.postgres.url, schema);
  await migrate(schemaUrl, variant.migrations);
  const seeded = await workload.dataset.seed({
    databaseUrl: schemaUrl, variant: variant.name, users: o.users, seed: o.seed, distribution: o.distribution, parameters: o.datasetParameters, log, progress: ctx.tty,
  });
  await enablePgStatStatements(services.postgres.url);
  const topo = await prepareTopology({
    request: { pooler: o.pooler, replica: o.replica }, variant, services, schema, schemaUrl, pgbouncerUrl: env.pgbouncerUrl,
    databaseReplicaUrl: env.databaseReplicaUrl, pathVar: env.pathVar, statementTimeoutMs: env.api.statementTimeoutMs, log,
  }, stops);
  const keyPrefix = `sp:${o.runId}:`;
  const unexpectedExits: string[] = [];
  const apiOptions = {
    entry: ctx.apiCommand.entry,
    args: ctx.apiCommand.args,
    env: {
      ...ctx.childEnv,
      ...topo.apiEnv, // DATABASE_URL (direct or through the pooler), DATABASE_REPLICA_URL, SCALEPROOF_PG_NAMED_STATEMENTS
      REDIS_URL: services.redis.url,
      SCALEPROOF_REDIS_PREFIX: keyPrefix, // a cold, private key space per run, even on a shared Redis
      PORT: '0',
      HOST: '127.0.0.1',
      // Warnings and errors still reach the terminal; per-request info lines would drown the progress line.
      SCALEPROOF_LOG_LEVEL: ctx.childEnv.SCALEPROOF_LOG_LEVEL ?? 'warn',
      ...o.apiEnv,
    } as Record<string, string | undefined>,
    log,
    onUnexpectedExit: (message: string) => {
      unexpectedExits.push(message);
      log(`WARNING: ${message}`);
    },
  };
  // On a Redis the harness did not start, the run's keys are deleted once the API has stopped (stops run in
  // reverse): a shared Redis keeps no sp:<run-id>: leftovers. The harness's own redis-server goes away whole.
  const redisUrl = services.redis.url;
  if (services.redis.kind === 'external' && redisUrl) {
    stops.push(() => deleteRedisPrefix(redisUrl, keyPrefix).catch((err: Error) => log(`WARNING: could not delete this run's Redis keys ${keyPrefix}* (${err.message})`)));
  }
  const api = await startApi(apiOptions);
  const port = new URL(api.url).port;
  const sut: SystemUnderTest = {
    baseUrl: api.url,
    services,
    schemaUrl,
    api,
    dataset: seeded.identity,
    datasetLoad: { skipped: seeded.skipped, wallSeconds: seeded.wallSeconds, facts: { ...seeded.facts } },
    topology: topo.topology,
    sampleReplicaLag: topo.sampleLag,
    unexpectedExits,
    restartApi: async () => {
      sut.api = await startApi({ ...apiOptions, env: { ...apiOptions.env, PORT: port } });
    },
  };
  stops.push(() => sut.api!.stop());
  log(`API under test at ${sut.baseUrl}`);
  return sut;
}
