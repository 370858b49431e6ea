/*
 * An API under test: its own migrated database, its own Redis key prefix, silent logs, and no rollup timer
 * unless asked. close() closes the app (flushing its buffer), drops the database and deletes the keys.
 */
import type { FastifyInstance } from 'fastify';
import { migrate } from '../../../harness/migrate/migrate.ts';
import { analyticsMigrations } from '../../../reference-impl/analytics/schema/schemaDirs.ts';
import { defaultApiConfig, type ApiConfig } from '../../../reference-impl/platform/apiConfig.ts';
import { buildApp, type AppDeps } from '../../../reference-impl/platform/buildApp.ts';
import { analyticsPlugin } from '../../../reference-impl/analytics/analyticsPlugin.ts';
import { analyticsEnvValues, defaultAnalyticsSettings, type AnalyticsSettings } from '../../../reference-impl/analytics/analyticsSettings.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testDatabase.ts';
import { deletePrefix, keyPrefix, testRedisUrl } from '../../helpers/testRedis.ts';

export interface TestApi {
  app: FastifyInstance;
  database: TestDatabase;
  config: ApiConfig;
  /** Closes the app (idempotent). */
  closeApp(): Promise<void>;
  /** closeApp, then drop the database and the keys under the prefix in the shared Redis. */
  close(): Promise<void>;
}

export async function createTestDb(name: string): Promise<TestDatabase> {
  const database = await createTestDatabase(name);
  await migrate(database.url, analyticsMigrations.optimized);
  return database;
}

/** Platform config and analytics settings in one object, as the tests override them. */
export type TestApiOverrides = Partial<ApiConfig & AnalyticsSettings>;

export async function startTestApi(name: string, overrides: TestApiOverrides = {}, deps: AppDeps = {}, database?: TestDatabase): Promise<TestApi> {
  const db = database ?? (await createTestDb(name));
  const settingKeys = new Set(Object.keys(defaultAnalyticsSettings));
  const pick = (want: boolean) => Object.fromEntries(Object.entries(overrides).filter(([k]) => settingKeys.has(k) === want));
  const config: ApiConfig = {
    ...defaultApiConfig,
    databaseUrl: db.url,
    redisKeyPrefix: keyPrefix(name),
    logLevel: 'silent',
    ...pick(false),
  };
  // No rollup timer unless a test asks for one.
  const settings = analyticsEnvValues({ mvRefreshIntervalS: 0, ...(pick(true) as Partial<AnalyticsSettings>) });
  const app = await buildApp(config, analyticsPlugin, { settings, ...deps });
  let closed: Promise<void> | undefined;
  const closeApp = () => (closed ??= app.close().then(() => undefined));
  return {
    app,
    database: db,
    config,
    closeApp,
    close: async () => {
      await closeApp();
      await db.drop();
      // Only the shared Redis needs cleaning; a test's private redis-server goes away with its data.
      if (config.redisUrl && config.redisUrl === testRedisUrl()) await deletePrefix(config.redisUrl, config.redisKeyPrefix);
    },
  };
}
