/*
 * Runs COPY units on `streams` parallel connections (one Postgres backend each), biggest unit first so
 * the streams finish together. The default is one stream per CPU: on the 2-core box, 2 streams gave the
 * best raw COPY rate (1 stream about half of it, 3 no better). Rendering stays on this thread: Postgres
 * needs both cores, and a worker-thread variant (one renderer per stream, chunks transferred) measured
 * 8.5-9.1 s and 5.5-6.0 CPU-s for 3M events against 4.6-4.8 s and 1.8-2.5 CPU-s here (shared machine).
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
  const queue = [...units].sort((a, b) => b.weight - a.weight);
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
