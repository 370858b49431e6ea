/*
 * An API under test: its own migrated database, its own Redis key prefix, silent logs, and no rollup timer
 * unless asked. close() closes the app (flushing its buffer), drops the database and deletes the keys.
 */
import type { FastifyInstance } from 'fastify';
import { migrate } from '../../../harness/migrate/migrate.ts';
import { defaultApiConfig, type ApiConfig } from '../../../reference-impl/platform/apiConfig.ts';
import { buildApp, type AppDeps } from '../../../reference-impl/platform/buildApp.ts';
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
  await migrate(database.url);
  return database;
}

export async function startTestApi(name: string, overrides: Partial<ApiConfig> = {}, deps: AppDeps = {}, database?: TestDatabase): Promise<TestApi> {
  const db = database ?? (await createTestDb(name));
  const config: ApiConfig = {
    ...defaultApiConfig,
    databaseUrl: db.url,
    redisKeyPrefix: keyPrefix(name),
    logLevel: 'silent',
    mvRefreshIntervalS: 0,
    ...overrides,
  };
  const app = await buildApp(config, deps);
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
