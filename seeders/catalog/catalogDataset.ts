/*
 * The catalog workload's dataset (seed 004): the plan's year-3 projection by default (200,000 users = 200
 * clients: 990 sites, 448 catalogs, 198,000 products, 581,760 orders over 12 months, ~40,000 site exclusions),
 * skewed tenant sizes (scenarios/catalog/layout.ts), --users multiplying it. The engine sees only this object.
 * Measured figures are in the README's catalog section.
 */
import type { DatasetDefinition, SeedOutcome, SeedRequest } from '../../harness/workload/Workload.ts';
import { measureCatalogRawCopy } from './measureRawCopy.ts';
import { OPTIMIZED_TABLES } from './loadConstraints.ts';
import { seedCatalog } from './seedCatalog.ts';

export const catalogDataset: DatasetDefinition = Object.freeze({
  tables: [...OPTIMIZED_TABLES, 'kv_store'],
  largestTable: 'orders',
  // Issue 9: "pnpm bench:seed catalog --json: <= 60 s".
  seedWallTargetS: 60,
  seed(req: SeedRequest): Promise<SeedOutcome> {
    return seedCatalog({
      databaseUrl: req.databaseUrl, variant: req.variant, users: req.users, seed: req.seed, asOf: req.asOf, force: req.force,
      log: req.log, streams: req.streams,
    });
  },
  async measureRawCopy(databaseUrl: string, rows: number) {
    const r = await measureCatalogRawCopy({ databaseUrl, rows });
    return { rows: r.rows, rowsPerSecond: r.rowsPerSecond, details: { streams: r.streams, copySeconds: r.copySeconds, bytes: r.bytes } };
  },
});
