/*
 * The riders workload's dataset (seed 002): a fleet of riders over 50 cities (scenarios/riders/layout.ts) with
 * 12 months of orders, wallet ledger, ratings, duty changes, withdrawals and location points. Volumes and
 * why: seeders/riders/ridersPlan.ts. The engine sees only this object.
 */
import type { DatasetDefinition, SeedOutcome, SeedRequest } from '../../harness/workload/Workload.ts';
import { measureRidersRawCopy } from './measureRawCopy.ts';
import { DEFAULT_WALLET_PARTITIONS, RIDERS_TABLES } from './ridersPlan.ts';
import { seedRiders } from './seedRiders.ts';

export const ridersDataset: DatasetDefinition = Object.freeze({
  tables: RIDERS_TABLES,
  largestTable: 'location_logs',
  seedWallTargetS: 120,
  parameters: {
    walletPartitions: { description: 'wallet_ledger hash partitions (optimized variant; seed 002: 4, "add more as volume grows (8, 16, 32)")', default: DEFAULT_WALLET_PARTITIONS },
  },
  seed(req: SeedRequest): Promise<SeedOutcome> {
    return seedRiders({
      databaseUrl: req.databaseUrl, variant: req.variant, users: req.users, seed: req.seed, asOf: req.asOf, force: req.force,
      log: req.log, progress: req.progress, streams: req.streams, walletPartitions: req.parameters?.walletPartitions,
    });
  },
  async measureRawCopy(databaseUrl: string, rows: number) {
    const r = await measureRidersRawCopy(databaseUrl, rows);
    return { rows: r.rows, rowsPerSecond: r.rowsPerSecond, details: { streams: r.streams, copySeconds: r.copySeconds } };
  },
});
