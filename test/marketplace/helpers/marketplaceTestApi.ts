/*
 * Marketplace API tests' setup: one private database holding both variants' schemas (marketplace_naive,
 * marketplace_optimized), each seeded by seeders/marketplace with the same small dataset, and apps built on it
 * with buildApp(config, plugin) under a Redis key prefix of the test's own. Everything is dropped at the end.
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { schemaName, withSchema } from '../../../harness/migrate/schemaUrl.ts';
import { marketplaceEnvValues, type MarketplaceSettings } from '../../../reference-impl/marketplace/marketplaceEnv.ts';
import { naivePlugin } from '../../../reference-impl/marketplace/naivePlugin.ts';
import { optimizedPlugin } from '../../../reference-impl/marketplace/optimizedPlugin.ts';
import { defaultApiConfig, type ApiConfig } from '../../../reference-impl/platform/apiConfig.ts';
import { buildApp } from '../../../reference-impl/platform/buildApp.ts';
import type { WorkloadPlugin } from '../../../reference-impl/platform/WorkloadPlugin.ts';
import { seedMarketplace } from '../../../seeders/marketplace/seedMarketplace.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testDatabase.ts';
import { deletePrefix, keyPrefix, testRedisUrl } from '../../helpers/testRedis.ts';
import { waitFor } from '../../reference-impl/helpers/waitFor.ts';

export type MarketplaceVariant = 'naive' | 'optimized';
export const VARIANTS: readonly MarketplaceVariant[] = ['naive', 'optimized'];
export const PLUGINS: Readonly<Record<MarketplaceVariant, WorkloadPlugin>> = { naive: naivePlugin, optimized: optimizedPlugin };

/** 2,000 users: 20 sellers, 400 seller products, 80 AI accounts, 40 popular queries, 4,000 searches. */
export const TEST_USERS = 2000;

export interface MarketplaceDatabase {
  database: TestDatabase;
  urls: Record<MarketplaceVariant, string>;
  /** A plain connection to one variant's schema, for assertions; closed by drop(). */
  client(variant: MarketplaceVariant): Promise<pg.Client>;
  drop(): Promise<void>;
}

export async function seededMarketplaceDatabase(testName: string, variants: readonly MarketplaceVariant[] = VARIANTS): Promise<MarketplaceDatabase> {
  const database = await createTestDatabase(testName);
  const urls = {
    naive: withSchema(database.url, schemaName('marketplace', 'naive')),
    optimized: withSchema(database.url, schemaName('marketplace', 'optimized')),
  };
  for (const v of variants) await seedMarketplace({ databaseUrl: urls[v], variant: v, users: TEST_USERS, seed: 42, log: () => undefined, streams: 2 });
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

export interface MarketplaceTestApi {
  app: FastifyInstance;
  config: ApiConfig;
  close(): Promise<void>;
}

export interface StartOptions {
  settings?: Partial<MarketplaceSettings>;
  config?: Partial<ApiConfig>;
}

/** An app of `variant` on `url`; the view refresh timer is off unless asked. close() also deletes its Redis keys. */
export async function startMarketplaceApi(testName: string, variant: MarketplaceVariant, url: string, opts: StartOptions = {}): Promise<MarketplaceTestApi> {
  const config: ApiConfig = {
    ...defaultApiConfig,
    databaseUrl: url,
    redisUrl: testRedisUrl(),
    redisKeyPrefix: keyPrefix(testName),
    logLevel: 'silent',
    ...opts.config,
  };
  const settings = marketplaceEnvValues({ mvRefreshIntervalS: 0, ...opts.settings });
  const app = await buildApp(config, PLUGINS[variant], { settings, variant });
  await app.ready();
  // The Redis client connects in the background and fails open until then: a limiter test's first requests
  // would go uncounted.
  if (config.redisUrl) await waitFor('the cache store to connect', async () => app.scaleproof.store.available, 5000);
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

/** Statements the app issued while `fn` ran (the platform's Database counter). */
export async function statementsDuring(app: FastifyInstance, fn: () => Promise<unknown>): Promise<number> {
  const before = app.scaleproof.db.queryCount;
  await fn();
  return app.scaleproof.db.queryCount - before;
}
