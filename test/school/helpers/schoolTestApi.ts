/*
 * School API tests' setup: one private database holding both variants' schemas (school_naive,
 * school_optimized), each seeded by seeders/school with the same small district, and apps built on it with
 * buildApp(config, plugin) under a Redis key prefix of the test's own. Everything is dropped at the end.
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { schemaName, withSchema } from '../../../harness/migrate/schemaUrl.ts';
import { defaultApiConfig, type ApiConfig } from '../../../reference-impl/platform/apiConfig.ts';
import { buildApp, type AppDeps } from '../../../reference-impl/platform/buildApp.ts';
import type { WorkloadPlugin } from '../../../reference-impl/platform/WorkloadPlugin.ts';
import { naivePlugin } from '../../../reference-impl/school/naivePlugin.ts';
import { optimizedPlugin } from '../../../reference-impl/school/optimizedPlugin.ts';
import { schoolEnvValues, type SchoolSettings } from '../../../reference-impl/school/schoolEnv.ts';
import { seedSchool } from '../../../seeders/school/seedSchool.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testDatabase.ts';
import { deletePrefix, keyPrefix, testRedisUrl } from '../../helpers/testRedis.ts';
import { waitFor } from '../../reference-impl/helpers/waitFor.ts';

export type SchoolVariant = 'naive' | 'optimized';
export const PLUGINS: Readonly<Record<SchoolVariant, WorkloadPlugin>> = { naive: naivePlugin, optimized: optimizedPlugin };

/** 2,000 students: 2 schools (SCH00001, SCH00002), 50 classes, 40,000 attendance rows. */
export const TEST_STUDENTS = 2000;

export interface SchoolDatabase {
  database: TestDatabase;
  /** The database URL scoped to each variant's schema. */
  urls: Record<SchoolVariant, string>;
  /** A plain connection to one variant's schema, for assertions; closed by drop(). */
  client(variant: SchoolVariant): Promise<pg.Client>;
  drop(): Promise<void>;
}

export async function seededSchoolDatabase(testName: string, variants: readonly SchoolVariant[] = ['naive', 'optimized']): Promise<SchoolDatabase> {
  const database = await createTestDatabase(testName);
  const urls = { naive: withSchema(database.url, schemaName('school', 'naive')), optimized: withSchema(database.url, schemaName('school', 'optimized')) };
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    for (const v of variants) await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schemaName('school', v)}`);
  } finally {
    await admin.end();
  }
  for (const v of variants) await seedSchool({ databaseUrl: urls[v], variant: v, users: TEST_STUDENTS, seed: 42, log: () => undefined, streams: 2 });
  const clients: pg.Client[] = [];
  return {
    database,
    urls,
    client: async (variant) => {
      const c = new pg.Client({ connectionString: urls[variant] });
      await c.connect();
      clients.push(c);
      return c;
    },
    drop: async () => {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await database.drop();
    },
  };
}

export interface SchoolTestApi {
  app: FastifyInstance;
  config: ApiConfig;
  close(): Promise<void>;
}

export interface StartOptions {
  settings?: Partial<SchoolSettings>;
  config?: Partial<ApiConfig>;
  deps?: AppDeps;
}

/**
 * An app of `variant` on `url`. Background timers are off unless a test asks (view refresh 0, job polling
 * once an hour): tests drive them by hand. close() closes the app and deletes its keys from the shared Redis.
 */
export async function startSchoolApi(testName: string, variant: SchoolVariant, url: string, opts: StartOptions = {}): Promise<SchoolTestApi> {
  const config: ApiConfig = {
    ...defaultApiConfig,
    databaseUrl: url,
    redisUrl: testRedisUrl(),
    redisKeyPrefix: keyPrefix(testName),
    logLevel: 'silent',
    ...opts.config,
  };
  const settings = schoolEnvValues({ mvRefreshIntervalS: 0, jobPollMs: 3_600_000, ...opts.settings });
  const app = await buildApp(config, PLUGINS[variant], { settings, variant, ...opts.deps });
  await app.ready();
  // The Redis client connects in the background and fails fast until then (fail-open): a limiter test's first
  // requests would go uncounted.
  await waitFor('the cache store to connect', async () => app.scaleproof.store.available, 5000);
  let closed: Promise<void> | undefined;
  return {
    app,
    config,
    close: async () => {
      await (closed ??= app.close().then(() => undefined));
      if (config.redisUrl && config.redisUrl === testRedisUrl()) await deletePrefix(config.redisUrl, config.redisKeyPrefix);
    },
  };
}
