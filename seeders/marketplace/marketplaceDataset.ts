/*
 * The marketplace workload's dataset (seed 003: "10 Million Daily Traffic + 5 Million Users"). The engine sees
 * only this object. Volumes at the default 5,000,000 users (scenarios/marketplace/layout.ts says why):
 *   search_history 10,000,000 | seller_orders 5,000,000 | profiles 5,000,000 | seller_products 1,000,000 |
 *   ai_accounts 200,000 | popular_searches 100,000 | seller_profiles 50,000 | categories 24.
 */
import type { DatasetDefinition, SeedRequest, SeedOutcome } from '../../harness/workload/Workload.ts';
import { MARKETPLACE_TABLES } from './MarketplaceParameters.ts';
import { measureMarketplaceRawCopy } from './measureRawCopy.ts';
import { seedMarketplace } from './seedMarketplace.ts';

export const marketplaceDataset: DatasetDefinition = Object.freeze({
  tables: MARKETPLACE_TABLES,
  largestTable: 'search_history',
  // The bench:seed target for this dataset: <= 120 s at 5M users on the 2-core machine.
  seedWallTargetS: 120,
  seed(req: SeedRequest): Promise<SeedOutcome> {
    return seedMarketplace({
      databaseUrl: req.databaseUrl, variant: req.variant, users: req.users, seed: req.seed, force: req.force,
      log: req.log, progress: req.progress, streams: req.streams,
    });
  },
  async measureRawCopy(databaseUrl: string, rows: number) {
    const r = await measureMarketplaceRawCopy({ databaseUrl, rows });
    return { rows: r.rows, rowsPerSecond: r.rowsPerSecond, details: { streams: r.streams, copySeconds: r.copySeconds, bytes: r.bytes } };
  },
});
