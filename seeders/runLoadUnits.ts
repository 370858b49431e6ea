/*
 * Runs COPY units on `streams` parallel connections (one Postgres backend each), biggest unit first so
 * the streams finish together. All rendering happens on this thread: on the 2-core box Postgres needs both
 * cores for COPY and rendering costs far less, so worker threads measured no faster (see benchSeed).
 * The first failure stops the other streams and is rethrown.
 */
import pg from 'pg';
import { copyUnit } from './copyUnit.ts';
import type { LoadUnit } from './LoadUnit.ts';

export interface RunLoadOptions {
  databaseUrl: string;
  streams: number;
  freeze: boolean;
  onRows?: ((table: string, rows: number) => void) | undefined;
}

export interface LoadStats {
  /** Rows rendered and rows Postgres acknowledged, per logical table. */
  rendered: Record<string, number>;
  copied: Record<string, number>;
  copies: number;
}

export async function openSeedClient(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // surfaced by the failing query instead
  await client.connect();
  // A lost seed is simply re-run, so commits need not wait for the WAL flush.
  await client.query('SET synchronous_commit = off');
  return client;
}

export async function runLoadUnits(units: LoadUnit[], opts: RunLoadOptions): Promise<LoadStats> {
  const queue = [...units].sort((a, b) => b.rows - a.rows);
  const stats: LoadStats = { rendered: {}, copied: {}, copies: 0 };
  let failure: unknown;
  const worker = async () => {
    let client: pg.Client | undefined;
    try {
      client = await openSeedClient(opts.databaseUrl);
      for (let unit = queue.shift(); unit && failure === undefined; unit = queue.shift()) {
        stats.copies++;
        const r = await copyUnit(client, unit, { freeze: opts.freeze, onRows: opts.onRows, aborted: () => failure !== undefined });
        stats.rendered[unit.table] = (stats.rendered[unit.table] ?? 0) + r.rendered;
        stats.copied[unit.table] = (stats.copied[unit.table] ?? 0) + r.copied;
      }
    } catch (err) {
      failure ??= err;
    } finally {
      await client?.end().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.streams, units.length)) }, worker));
  if (failure !== undefined) throw failure;
  return stats;
}
