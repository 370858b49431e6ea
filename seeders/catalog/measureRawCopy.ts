/*
 * This machine's raw COPY ceiling for the catalog dataset's largest table (orders), measured next to the
 * seeder: the seeder's own order rows, rendered before the clock starts, COPYed the way the seeder loads
 * orders (binary, `streams` units into one table, no FREEZE, since several units share the table) into a
 * scratch table shaped like orders (columns, defaults, CHECKs) with no index or key. Dropped afterwards.
 * Rendering is not timed, so this is Postgres's ceiling, not the generator's.
 *
 * Memory stays bounded: one block of at most 200,000 orders (~80 MB of COPY bytes) is rendered, and each
 * stream replays it (without its header and trailer) until its share is sent.
 */
import os from 'node:os';
import { replayRawCopy, type ReplayRawCopyResult } from '../engine/replayRawCopy.ts';
import { ORDER_COLUMNS, orderChunks, orderRanges } from './tableUnits.ts';

const SCRATCH = 'scaleproof_raw_copy_catalog_orders';
const BLOCK_ROWS = 200_000;

export type CatalogRawCopyResult = ReplayRawCopyResult;

export async function measureCatalogRawCopy(opts: { databaseUrl: string; rows: number; streams?: number; seed?: number }): Promise<CatalogRawCopyResult> {
  const streams = Math.max(1, Math.min(opts.streams ?? os.availableParallelism(), opts.rows));
  // Enough clients for one block of orders (client ranges as the seeder cuts them).
  let clients = 1;
  while (orderRanges(clients, 1)[0]!.rows < Math.min(BLOCK_ROWS, opts.rows) && clients < 100_000) clients++;
  const ctx = { seed: opts.seed ?? 42, clients, asOfMs: Date.now() };
  return replayRawCopy({
    databaseUrl: opts.databaseUrl, rows: opts.rows, streams, block: [...orderChunks(ctx, 1, clients)],
    table: 'orders', columns: ORDER_COLUMNS, relationOf: () => SCRATCH, freeze: false,
    createSql: (r) => `CREATE TABLE ${r} (LIKE orders INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
  });
}
