/*
 * After the rows are in: primary keys back, secondary indexes rebuilt by re-running migrate() (its
 * CREATE INDEX IF NOT EXISTS statements are exactly the ones dropped), fresh planner statistics, the
 * 30/90-day rollup recomputed, and the event id sequence moved past the loaded ids.
 * Independent statements run on parallel connections; each phase's wall time is recorded.
 */
import type pg from 'pg';
import { migrate } from '../harness/migrate/migrate.ts';
import { SEED_TABLES } from './datasetPlan.ts';
import { restorePrimaryKey, type PrimaryKeyDef } from './loadIndexes.ts';
import { openSeedClient } from './runLoadUnits.ts';

/** Index builds may sort in memory up to this much per build (the server default is 64 MB). */
const MAINTENANCE_WORK_MEM = '512MB';

export type Phases = Record<string, number>;

export async function timed<T>(phases: Phases, name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    phases[name] = (phases[name] ?? 0) + (performance.now() - t0) / 1000;
  }
}

/** Runs tasks on `streams` connections, in the order given, each task on whichever connection is free. */
export async function onParallelClients(databaseUrl: string, streams: number, tasks: Array<(c: pg.Client) => Promise<void>>): Promise<void> {
  const queue = [...tasks];
  let failure: unknown;
  await Promise.all(Array.from({ length: Math.max(1, Math.min(streams, tasks.length)) }, async () => {
    let client: pg.Client | undefined;
    try {
      client = await openSeedClient(databaseUrl);
      await client.query(`SET maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
      for (let task = queue.shift(); task && failure === undefined; task = queue.shift()) await task(client);
    } catch (err) {
      failure ??= err;
    } finally {
      await client?.end().catch(() => undefined);
    }
  }));
  if (failure !== undefined) throw failure;
}

export async function finishLoad(opts: {
  databaseUrl: string;
  client: pg.ClientBase;
  streams: number;
  primaryKeys: PrimaryKeyDef[];
  events: number;
  phases: Phases;
}): Promise<void> {
  const { databaseUrl, client, streams, phases } = opts;
  // pin_analytics first: its key is the biggest build.
  const keys = [...opts.primaryKeys].sort((a, b) => Number(b.table === 'pin_analytics') - Number(a.table === 'pin_analytics'));
  await timed(phases, 'primaryKeys', () => onParallelClients(databaseUrl, streams, keys.map((k) => (c) => restorePrimaryKey(c, k))));
  await client.query(`SET maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
  await timed(phases, 'indexes', () => migrate(client));
  await timed(phases, 'analyze', () => onParallelClients(databaseUrl, streams, [...SEED_TABLES].reverse().map((t) => async (c) => { await c.query(`ANALYZE ${t}`); })));
  await timed(phases, 'refreshMv', () => client.query('REFRESH MATERIALIZED VIEW pin_analytics_mv'));
  if (opts.events > 0) await client.query(`SELECT setval('pin_analytics_id_seq', $1, true)`, [opts.events]);
  else await client.query(`SELECT setval('pin_analytics_id_seq', 1, false)`);
}
