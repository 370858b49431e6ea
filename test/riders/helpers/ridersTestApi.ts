/*
 * Riders API tests' setup: one private database holding both variants' schemas (riders_naive,
 * riders_optimized), each seeded by seeders/riders with the same small fleet, and apps built on it with
 * buildApp(config, plugin) under a Redis key prefix of the test's own. Everything is dropped at the end.
 */
import type { WorkloadPlugin } from '../../../reference-impl/platform/WorkloadPlugin.ts';
import { naivePlugin } from '../../../reference-impl/riders/naivePlugin.ts';
import { optimizedPlugin } from '../../../reference-impl/riders/optimizedPlugin.ts';
import { ridersEnvValues, type RidersSettings } from '../../../reference-impl/riders/ridersSettings.ts';
import { seedRiders } from '../../../seeders/riders/seedRiders.ts';
import { startVariantApi, type VariantTestApi } from '../../helpers/startVariantApi.ts';
import { seededVariantDatabase, type VariantDatabase } from '../../helpers/variantDatabase.ts';

export type RidersVariant = 'naive' | 'optimized';
export const PLUGINS: Readonly<Record<RidersVariant, WorkloadPlugin>> = { naive: naivePlugin, optimized: optimizedPlugin };

/** 1,000 riders: 20 per city, 12,000 location rows, 6,000 orders (+ 120 pending). */
export const TEST_RIDERS = 1000;
/** A fixed end of the seeded year, so every run of a test sees the same rows. */
export const TEST_AS_OF = '2026-10-15T00:00:00.000Z';

export type RidersDatabase = VariantDatabase<RidersVariant>;

export function seededRidersDatabase(testName: string, opts: { variants?: readonly RidersVariant[]; walletPartitions?: number } = {}): Promise<RidersDatabase> {
  return seededVariantDatabase({
    testName, workload: 'riders', allVariants: ['naive', 'optimized'], variants: opts.variants ?? ['naive', 'optimized'],
    seed: (databaseUrl, variant) => seedRiders({ databaseUrl, variant, users: TEST_RIDERS, seed: 42, asOf: TEST_AS_OF, walletPartitions: opts.walletPartitions, log: () => undefined, streams: 2 }),
  });
}

export type RidersTestApi = VariantTestApi;

/** An app of `variant` on `url`, background refreshes and archival off unless a test asks. */
export function startRidersApi(testName: string, variant: RidersVariant, url: string, settings: Partial<RidersSettings> = {}): Promise<RidersTestApi> {
  const values = ridersEnvValues({ leaderboardRefreshS: 0, performanceRefreshS: 0, archiveIntervalS: 0, ...settings });
  return startVariantApi({ testName, plugin: PLUGINS[variant], variant, databaseUrl: url, settings: values });
}
