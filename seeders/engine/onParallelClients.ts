/* Runs independent SQL tasks on `streams` connections, each task on whichever connection is free. */
import type pg from 'pg';
import { openSeedClient } from './runLoadUnits.ts';

/** Index builds may sort in memory up to this much per build (the server default is 64 MB). */
export const MAINTENANCE_WORK_MEM = '512MB';

/** Tasks start in the order given; the first failure stops the rest and is rethrown. */
export async function onParallelClients(databaseUrl: string, streams: number, tasks: Array<(c: pg.Client) => Promise<void>>): Promise<void> {
  const queue = [...tasks];
  let failure: unknown;
  await Promise.all(Array.from({ length: Math.max(1, Math.min(streams, tasks.length)) }, async () => {
    let client: pg.Client | undefined;
    try {
      client = await openSeedClient(databaseUrl);
      await client.query(`SET maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
      // The connections already keep every core busy; extra parallel index-build workers only add contention.
      await client.query('SET max_parallel_maintenance_workers = 0');
      for (let task = queue.shift(); task && failure === undefined; task = queue.shift()) await task(client);
    } catch (err) {
      failure ??= err;
    } finally {
      await client?.end().catch(() => undefined);
    }
  }));
  if (failure !== undefined) throw failure;
}

