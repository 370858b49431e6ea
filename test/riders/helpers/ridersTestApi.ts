/*
 * Riders API tests' setup: one private database holding both variants' schemas (riders_naive,
 * riders_optimized), each seeded by seeders/riders with the same small fleet, and apps built on it with
 * buildApp(config, plugin) under a Redis key prefix of the test's own. Everything is dropped at the end.
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { schemaName, withSchema } from '../../../harness/migrate/schemaUrl.ts';
import { defaultApiConfig, type ApiConfig } from '../../../reference-impl/platform/apiConfig.ts';
import { buildApp } from '../../../reference-impl/platform/buildApp.ts';
import type { WorkloadPlugin } from '../../../reference-impl/platform/WorkloadPlugin.ts';
import { naivePlugin } from '../../../reference-impl/riders/naivePlugin.ts';
import { optimizedPlugin } from '../../../reference-impl/riders/optimizedPlugin.ts';
import { ridersEnvValues, type RidersSettings } from '../../../reference-impl/riders/ridersSettings.ts';
import { seedRiders } from '../../../seeders/riders/seedRiders.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testDatabase.ts';
import { deletePrefix, keyPrefix, testRedisUrl } from '../../helpers/testRedis.ts';
import { waitFor } from '../../reference-impl/helpers/waitFor.ts';

export type RidersVariant = 'naive' | 'optimized';
export const PLUGINS: Readonly<Record<RidersVariant, WorkloadPlugin>> = { naive: naivePlugin, optimized: optimizedPlugin };

/** 1,000 riders: 20 per city, 12,000 location rows, 6,000 orders (+ 120 pending). */
export const TEST_RIDERS = 1000;
/** A fixed end of the seeded year, so every run of a test sees the same rows. */
export const TEST_AS_OF = '2026-10-15T00:00:00.000Z';

export interface RidersDatabase {
  database: TestDatabase;
  urls: Record<RidersVariant, string>;
  /** A plain connection to one variant's schema, for assertions; closed by drop(). */
  client(variant: RidersVariant): Promise<pg.Client>;
  drop(): Promise<void>;
}

export async function seededRidersDatabase(testName: string, opts: { variants?: readonly RidersVariant[]; walletPartitions?: number } = {}): Promise<RidersDatabase> {
  const variants = opts.variants ?? ['naive', 'optimized'];
  const database = await createTestDatabase(testName);
  const urls = { naive: withSchema(database.url, schemaName('riders', 'naive')), optimized: withSchema(database.url, schemaName('riders', 'optimized')) };
  for (const v of variants) {
    await seedRiders({ databaseUrl: urls[v], variant: v, users: TEST_RIDERS, seed: 42, asOf: TEST_AS_OF, walletPartitions: opts.walletPartitions, log: () => undefined, streams: 2 });
  }
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

export interface RidersTestApi {
  app: FastifyInstance;
  config: ApiConfig;
  close(): Promise<void>;
}

/** An app of `variant` on `url`, background refreshes and archival off unless a test asks. */
export async function startRidersApi(testName: string, variant: RidersVariant, url: string, settings: Partial<RidersSettings> = {}): Promise<RidersTestApi> {
  const config: ApiConfig = { ...defaultApiConfig, databaseUrl: url, redisUrl: testRedisUrl(), redisKeyPrefix: keyPrefix(testName), logLevel: 'silent' };
  const values = ridersEnvValues({ leaderboardRefreshS: 0, performanceRefreshS: 0, archiveIntervalS: 0, ...settings });
  const app = await buildApp(config, PLUGINS[variant], { settings: values, variant });
  await app.ready();
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
