/*
 * Marketplace API tests' setup: one private database holding both variants' schemas (marketplace_naive,
 * marketplace_optimized), each seeded by seeders/marketplace with the same small dataset, and apps built on it
 * with buildApp(config, plugin) under a Redis key prefix of the test's own. Everything is dropped at the end.
 */
import type { FastifyInstance } from 'fastify';
import { marketplaceEnvValues, type MarketplaceSettings } from '../../../reference-impl/marketplace/marketplaceEnv.ts';
import { naivePlugin } from '../../../reference-impl/marketplace/naivePlugin.ts';
import { optimizedPlugin } from '../../../reference-impl/marketplace/optimizedPlugin.ts';
import type { ApiConfig } from '../../../reference-impl/platform/apiConfig.ts';
import type { WorkloadPlugin } from '../../../reference-impl/platform/WorkloadPlugin.ts';
import { seedMarketplace } from '../../../seeders/marketplace/seedMarketplace.ts';
import { startVariantApi, type VariantTestApi } from '../../helpers/startVariantApi.ts';
import { seededVariantDatabase, type VariantDatabase } from '../../helpers/variantDatabase.ts';

export type MarketplaceVariant = 'naive' | 'optimized';
export const VARIANTS: readonly MarketplaceVariant[] = ['naive', 'optimized'];
export const PLUGINS: Readonly<Record<MarketplaceVariant, WorkloadPlugin>> = { naive: naivePlugin, optimized: optimizedPlugin };

/** 2,000 users: 20 sellers, 400 seller products, 80 AI accounts, 40 popular queries, 4,000 searches. */
export const TEST_USERS = 2000;

export type MarketplaceDatabase = VariantDatabase<MarketplaceVariant>;

export function seededMarketplaceDatabase(testName: string, variants: readonly MarketplaceVariant[] = VARIANTS): Promise<MarketplaceDatabase> {
  return seededVariantDatabase({
    testName, workload: 'marketplace', allVariants: VARIANTS, variants,
    seed: (databaseUrl, variant) => seedMarketplace({ databaseUrl, variant, users: TEST_USERS, seed: 42, log: () => undefined, streams: 2 }),
  });
}

export type MarketplaceTestApi = VariantTestApi;

export interface StartOptions {
  settings?: Partial<MarketplaceSettings>;
  config?: Partial<ApiConfig>;
}

/** An app of `variant` on `url`; the view refresh timer is off unless asked. */
export function startMarketplaceApi(testName: string, variant: MarketplaceVariant, url: string, opts: StartOptions = {}): Promise<MarketplaceTestApi> {
  const settings = marketplaceEnvValues({ mvRefreshIntervalS: 0, ...opts.settings });
  return startVariantApi({ testName, plugin: PLUGINS[variant], variant, databaseUrl: url, settings, config: opts.config });
}

/** Statements the app issued while `fn` ran (the platform's Database counter). */
export async function statementsDuring(app: FastifyInstance, fn: () => Promise<unknown>): Promise<number> {
  const before = app.scaleproof.db.queryCount;
  await fn();
  return app.scaleproof.db.queryCount - before;
}
