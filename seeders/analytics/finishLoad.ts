/*
 * After the rows are in: primary keys and secondary indexes rebuilt (rebuildIndexes.ts, which ends by
 * re-running migrate(): its CREATE INDEX IF NOT EXISTS statements are exactly the ones dropped), fresh
 * planner statistics, the 30/90-day rollup recomputed (optimized variant only: naive has none), and the
 * event id sequence moved past the loaded ids. Independent statements run on parallel connections; each
 * phase's wall time is recorded.
 */
import type pg from 'pg';
import { migrate } from '../../harness/migrate/migrate.ts';
import { SEED_TABLES } from './datasetPlan.ts';
import { restorePrimaryKey, type PrimaryKeyDef } from './loadIndexes.ts';
import { MAINTENANCE_WORK_MEM, onParallelClients } from '../engine/onParallelClients.ts';
import { rebuildIndexes } from './rebuildIndexes.ts';
import { seedLayout, type SeedLayout } from './seedLayout.ts';
import { timed, type Phases } from '../engine/timed.ts';

export async function finishLoad(opts: {
  databaseUrl: string;
  client: pg.ClientBase;
  streams: number;
  primaryKeys: PrimaryKeyDef[];
  events: number;
  phases: Phases;
  /** 'parallel' (default): rebuildIndexes.ts; 'migrate': keys one by one, then migrate() alone (for comparison). */
  indexBuild?: 'parallel' | 'migrate';
  /** The variant's layout (default: the optimized variant's: its indexes, and its rollup MV refreshed). */
  layout?: SeedLayout;
}): Promise<void> {
  const { databaseUrl, client, streams, phases } = opts;
  const layout = opts.layout ?? seedLayout('optimized');
  await client.query(`SET maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
  if (opts.indexBuild === 'migrate') {
    await timed(phases, 'indexes', async () => {
      for (const k of opts.primaryKeys) await restorePrimaryKey(client, k);
      await migrate(client, layout.schemaDirs);
    });
  } else {
    await timed(phases, 'indexes', () => rebuildIndexes({ databaseUrl, client, streams, primaryKeys: opts.primaryKeys, indexFile: layout.indexFile, schemaDirs: layout.schemaDirs }));
  }
  // pin_analytics (all its partitions) on one connection, the other tables on the rest.
  await timed(phases, 'analyze', () => onParallelClients(databaseUrl, streams, [...SEED_TABLES].reverse().map((t) => async (c: pg.Client) => { await c.query(`ANALYZE ${t}`); })));
  if (layout.rollup) await timed(phases, 'refreshMv', () => client.query('REFRESH MATERIALIZED VIEW pin_analytics_mv'));
  if (opts.events > 0) await client.query(`SELECT setval('pin_analytics_id_seq', $1, true)`, [opts.events]);
  else await client.query(`SELECT setval('pin_analytics_id_seq', 1, false)`);
}
