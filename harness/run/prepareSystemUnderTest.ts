/*
 * What a run drives, made ready: a --target as given, or else the harness's own services (Postgres, Redis), the
 * variant's schema migrated and seeded, and the variant's API started as a child process on a private Redis key
 * prefix. Everything started is registered in `stops` (stopped in reverse order by the caller). Shared by
 * `bench` and `bench:capacity`.
 */
import type { DatasetIdentity, DatasetLoad } from '../model/RunSummary.ts';
import type { KeyDistribution } from '../../scenarios/Scenario.ts';
import { migrate } from '../migrate/migrate.ts';
import { schemaName, withSchema } from '../migrate/schemaUrl.ts';
import { enablePgStatStatements } from '../probe/pgStats.ts';
import { redactUrl } from '../services/redactUrl.ts';
import { startServices, type Services } from '../services/startServices.ts';
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
}

export async function prepareSystemUnderTest(o: PrepareOptions, ctx: RunContext, stops: Array<() => Promise<unknown>>): Promise<SystemUnderTest> {
  const { env, log } = ctx;
  const { workload, variant } = ctx.resolved;
  if (o.target) {
    log(`driving ${redactUrl(o.target)} (--target: no services, no seeding, no API started)`);
    return { baseUrl: o.target };
  }
  const services = o.services ?? (await startServices({ databaseUrl: env.databaseUrl, redisUrl: env.redisUrl, dataDir: env.dataDir, pathVar: env.pathVar, log }));
  if (!o.services) stops.push(() => services.stopAll());
  // This workload x variant's own schema: switching variants never reseeds another one.
  const schemaUrl = withSchema(services.postgres.url, schemaName(workload.name, variant.name));
  await migrate(schemaUrl, variant.migrations);
  const seeded = await workload.dataset.seed({
    databaseUrl: schemaUrl, variant: variant.name, users: o.users, seed: o.seed, distribution: o.distribution, parameters: o.datasetParameters, log, progress: ctx.tty,
  });
  await enablePgStatStatements(services.postgres.url);
  const apiOptions = {
    entry: ctx.apiCommand.entry,
    args: ctx.apiCommand.args,
    env: {
      ...ctx.childEnv,
      DATABASE_URL: schemaUrl,
      REDIS_URL: services.redis.url,
      SCALEPROOF_REDIS_PREFIX: `sp:${o.runId}:`, // a cold, private key space per run, even on a shared Redis
      PORT: '0',
      HOST: '127.0.0.1',
      // Warnings and errors still reach the terminal; per-request info lines would drown the progress line.
      SCALEPROOF_LOG_LEVEL: ctx.childEnv.SCALEPROOF_LOG_LEVEL ?? 'warn',
      ...o.apiEnv,
    } as Record<string, string | undefined>,
    log,
  };
  const api = await startApi(apiOptions);
  const port = new URL(api.url).port;
  const sut: SystemUnderTest = {
    baseUrl: api.url,
    services,
    schemaUrl,
    api,
    dataset: seeded.identity,
    datasetLoad: { skipped: seeded.skipped, wallSeconds: seeded.wallSeconds, facts: { ...seeded.facts } },
    restartApi: async () => {
      sut.api = await startApi({ ...apiOptions, env: { ...apiOptions.env, PORT: port } });
    },
  };
  stops.push(() => sut.api!.stop());
  log(`API under test at ${sut.baseUrl}`);
  return sut;
}
