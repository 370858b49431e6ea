/*
 * Catalog API tests' setup: one private database holding the variants' schemas (catalog_naive,
 * catalog_optimized, catalog_phase1 and _phase2 when a test asks for them), each seeded by seeders/catalog with
 * the same small dataset (5 clients: 3 medium, 1, 2, 4 and 5 small), and apps built on it with buildApp(config, plugin) under a Redis key prefix of
 * the test's own. Everything is dropped at the end.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { catalogEnvValues, type CatalogSettings } from '../../../reference-impl/catalog/catalogEnv.ts';
import { naivePlugin } from '../../../reference-impl/catalog/naivePlugin.ts';
import { optimizedPlugin } from '../../../reference-impl/catalog/optimizedPlugin.ts';
import { phase1Plugin, phase2Plugin } from '../../../reference-impl/catalog/phasePlugins.ts';
import type { ApiConfig } from '../../../reference-impl/platform/apiConfig.ts';
import type { WorkloadPlugin } from '../../../reference-impl/platform/WorkloadPlugin.ts';
import { clientId } from '../../../scenarios/catalog/layout.ts';
import { seedCatalog } from '../../../seeders/catalog/seedCatalog.ts';
import { startVariantApi } from '../../helpers/startVariantApi.ts';
import { seededVariantDatabase, type VariantDatabase } from '../../helpers/variantDatabase.ts';

export type CatalogVariant = 'naive' | 'optimized' | 'phase1' | 'phase2';
export const PLUGINS: Readonly<Record<CatalogVariant, WorkloadPlugin>> = { naive: naivePlugin, optimized: optimizedPlugin, phase1: phase1Plugin, phase2: phase2Plugin };

/** 5,000 shoppers = 5 clients. */
export const TEST_USERS = 5000;
export const TEST_CLIENTS = [1, 2, 3, 4, 5] as const;
/** A fixed asOf, so tests name months without asking the clock. */
export const TEST_AS_OF = '2026-06-15T00:00:00.000Z';

export type CatalogDatabase = VariantDatabase<CatalogVariant>;

export function seededCatalogDatabase(testName: string, variants: readonly CatalogVariant[] = ['naive', 'optimized']): Promise<CatalogDatabase> {
  return seededVariantDatabase({
    testName, workload: 'catalog', allVariants: ['naive', 'optimized', 'phase1', 'phase2'], variants,
    seed: (databaseUrl, variant) => seedCatalog({ databaseUrl, variant, users: TEST_USERS, seed: 42, asOf: TEST_AS_OF, log: () => undefined, streams: 2 }),
  });
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
  const api = await startVariantApi({ testName, plugin: PLUGINS[variant], variant, databaseUrl: url, settings: catalogEnvValues({ ...opts.settings }), config: opts.config });
  const { app } = api;
  return {
    ...api,
    get: (path, client) => app.inject({ method: 'GET', url: path, headers: headersOf(client) }),
    post: (path, client, body) => app.inject({
      method: 'POST', url: path, headers: { ...headersOf(client), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    }),
  };
}
