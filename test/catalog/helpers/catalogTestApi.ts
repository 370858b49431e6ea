/*
 * Catalog API tests' setup: one private database holding both variants' schemas (catalog_naive,
 * catalog_optimized), each seeded by seeders/catalog with the same small dataset (5 clients: 3 medium, 1, 2, 4
 * and 5 small), and apps built on it with buildApp(config, plugin) under a Redis key prefix of
 * the test's own. Everything is dropped at the end.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { schemaName, withSchema } from '../../../harness/migrate/schemaUrl.ts';
import { catalogEnvValues, type CatalogSettings } from '../../../reference-impl/catalog/catalogEnv.ts';
import { naivePlugin } from '../../../reference-impl/catalog/naivePlugin.ts';
import { optimizedPlugin } from '../../../reference-impl/catalog/optimizedPlugin.ts';
import { defaultApiConfig, type ApiConfig } from '../../../reference-impl/platform/apiConfig.ts';
import { buildApp } from '../../../reference-impl/platform/buildApp.ts';
import type { WorkloadPlugin } from '../../../reference-impl/platform/WorkloadPlugin.ts';
import { clientId } from '../../../scenarios/catalog/layout.ts';
import { seedCatalog } from '../../../seeders/catalog/seedCatalog.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testDatabase.ts';
import { deletePrefix, keyPrefix, testRedisUrl } from '../../helpers/testRedis.ts';
import { waitFor } from '../../reference-impl/helpers/waitFor.ts';

export type CatalogVariant = 'naive' | 'optimized';
export const PLUGINS: Readonly<Record<CatalogVariant, WorkloadPlugin>> = { naive: naivePlugin, optimized: optimizedPlugin };

/** 5,000 shoppers = 5 clients. */
export const TEST_USERS = 5000;
export const TEST_CLIENTS = [1, 2, 3, 4, 5] as const;
/** A fixed asOf, so tests name months without asking the clock. */
export const TEST_AS_OF = '2026-06-15T00:00:00.000Z';

export interface CatalogDatabase {
  database: TestDatabase;
  urls: Record<CatalogVariant, string>;
  client(variant: CatalogVariant): Promise<pg.Client>;
  drop(): Promise<void>;
}

export async function seededCatalogDatabase(testName: string, variants: readonly CatalogVariant[] = ['naive', 'optimized']): Promise<CatalogDatabase> {
  const database = await createTestDatabase(testName);
  const urls = { naive: withSchema(database.url, schemaName('catalog', 'naive')), optimized: withSchema(database.url, schemaName('catalog', 'optimized')) };
  for (const v of variants) await seedCatalog({ databaseUrl: urls[v], variant: v, users: TEST_USERS, seed: 42, asOf: TEST_AS_OF, log: () => undefined, streams: 2 });
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

export interface CatalogTestApi {
  app: FastifyInstance;
  config: ApiConfig;
  /** GET/POST as client number `client` (x-client-id), or with the headers given. */
  get(path: string, client: number | Record<string, string>): Promise<LightMyRequestResponse>;
  post(path: string, client: number | Record<string, string>, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const headersOf = (client: number | Record<string, string>) => (typeof client === 'number' ? { 'x-client-id': clientId(client) } : client);

export async function startCatalogApi(testName: string, variant: CatalogVariant, url: string, opts: { settings?: Partial<CatalogSettings>; config?: Partial<ApiConfig> } = {}): Promise<CatalogTestApi> {
  const config: ApiConfig = { ...defaultApiConfig, databaseUrl: url, redisUrl: testRedisUrl(), redisKeyPrefix: keyPrefix(testName), logLevel: 'silent', ...opts.config };
  const app = await buildApp(config, PLUGINS[variant], { settings: catalogEnvValues({ ...opts.settings }), variant });
  await app.ready();
  await waitFor('the cache store to connect', async () => app.scaleproof.store.available, 5000);
  let closed: Promise<void> | undefined;
  return {
    app,
    config,
    get: (path, client) => app.inject({ method: 'GET', url: path, headers: headersOf(client) }),
    post: (path, client, body) => app.inject({
      method: 'POST', url: path, headers: { ...headersOf(client), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    }),
    close: async () => {
      await (closed ??= app.close().then(() => undefined));
      if (config.redisUrl && config.redisUrl === testRedisUrl()) await deletePrefix(config.redisUrl, config.redisKeyPrefix);
    },
  };
}
