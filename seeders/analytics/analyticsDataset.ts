/*
 * The analytics dataset (seed 000) as a DatasetDefinition: the engine's view of seedDataset.ts. `users`
 * profiles and PINs, their experiences and skills, and users x eventsPerUser analytics events over 12 months.
 */
import os from 'node:os';
import type { DatasetDefinition, SeedOutcome, SeedRequest } from '../../harness/workload/Workload.ts';
import { SEED_TABLES } from './datasetPlan.ts';
import { measureRawCopy } from './measureRawCopy.ts';
import { seedDataset } from './seedDataset.ts';
import { seedDefaults, startOfUtcDay } from './SeedParameters.ts';

/** Generator parameters besides users and seed, with their defaults. */
export const analyticsScaleDefaults = Object.freeze({ eventsPerUser: seedDefaults.eventsPerUser });

async function seed(req: SeedRequest): Promise<SeedOutcome> {
  const r = await seedDataset({
    databaseUrl: req.databaseUrl,
    variant: req.variant,
    users: req.users,
    eventsPerUser: req.parameters?.eventsPerUser ?? analyticsScaleDefaults.eventsPerUser,
    seed: req.seed,
    distribution: req.distribution,
    force: req.force,
    log: req.log,
    progress: req.progress,
    streams: req.streams,
    asOf: req.asOf,
  });
  const m = r.manifest;
  return {
    skipped: r.skipped,
    identity: {
      workload: 'analytics',
      variant: req.variant,
      generatorVersion: m.generatorVersion,
      seed: m.seed,
      users: m.users,
      parameters: { eventsPerUser: m.eventsPerUser, distribution: m.distribution, asOf: m.asOf },
      rowCounts: m.rowCounts,
    },
    wallSeconds: r.wallSeconds,
    phases: r.phases,
    facts: { defaultPartitionRows: r.defaultPartitionRows, copies: r.copies, streams: r.streams, loadedAt: m.completedAt },
    largestTableRowsPerSecond: r.skipped ? undefined : (r.rowCounts.pin_analytics ?? 0) / (r.phases.events ?? NaN),
  };
}

export const analyticsDataset: DatasetDefinition = {
  tables: [...SEED_TABLES].reverse(),
  largestTable: 'pin_analytics',
  // Issue #2's target: the 1M-user dataset in 90 s.
  seedWallTargetS: 90,
  parameters: { eventsPerUser: { description: 'analytics events per user, over the 12 months before asOf', default: analyticsScaleDefaults.eventsPerUser } },
  seed,
  measureRawCopy: async (databaseUrl, rows) => {
    const users = Math.max(1, Math.round(rows / analyticsScaleDefaults.eventsPerUser));
    const params = { ...seedDefaults, users, asOf: startOfUtcDay().toISOString() };
    const r = await measureRawCopy({ databaseUrl, params, streams: os.availableParallelism(), freeze: true, log: () => undefined });
    return {
      rows: r.rows,
      rowsPerSecond: r.copyRowsPerSecond,
      details: { withIndexesRowsPerSecond: r.withIndexesRowsPerSecond, copySeconds: r.copySeconds, indexSeconds: r.indexSeconds, prerenderSeconds: r.prerenderSeconds, bytes: r.bytes },
    };
  },
};
