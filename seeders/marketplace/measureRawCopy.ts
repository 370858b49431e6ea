/*
 * This machine's raw COPY ceiling for the marketplace's largest table (search_history), in the seeder's own
 * conditions minus the generator: the seeder's rows, rendered before the clock starts, COPYed on `streams`
 * connections into one scratch table shaped like search_history with no index or key, without FREEZE (as the
 * seeder loads search_history). The scratch table is dropped afterwards.
 *
 * Memory stays bounded: one block of at most 1M rows (~50 MB) is rendered, and each stream replays it (without
 * its COPY header and trailer) until its share is sent; duplicate rows are fine in a table without keys.
 */
import os from 'node:os';
import pg from 'pg';
import type { CopyChunk } from '../engine/BinaryCopyWriter.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';
import { runLoadUnits } from '../engine/runLoadUnits.ts';
import { marketplaceCounts } from './MarketplaceParameters.ts';
import { rowContext } from './MarketplaceRowContext.ts';
import { SEARCH_COLUMNS, searchRows } from './rows/activityRows.ts';

export const SCRATCH_TABLE = 'scaleproof_raw_copy_marketplace';
const HEADER_BYTES = 19;
const TRAILER_BYTES = 2;
const BLOCK_ROWS = 1_000_000;

export interface MarketplaceRawCopyResult {
  rows: number;
  streams: number;
  bytes: number;
  copySeconds: number;
  rowsPerSecond: number;
}

export async function measureMarketplaceRawCopy(opts: { databaseUrl: string; rows: number; streams?: number; seed?: number }): Promise<MarketplaceRawCopyResult> {
  const streams = Math.max(1, Math.min(opts.streams ?? os.availableParallelism(), opts.rows));
  const blockRows = Math.max(1, Math.min(BLOCK_ROWS, Math.ceil(opts.rows / streams)));
  const ctx = rowContext(opts.seed ?? 42, marketplaceCounts(Math.max(1, Math.ceil(opts.rows / 2))));
  const chunks = [...searchRows(ctx, 1, blockRows)];
  const last = chunks.length - 1;
  const body = chunks.map((c, i) => ({ bytes: c.bytes.subarray(i === 0 ? HEADER_BYTES : 0, i === last ? c.bytes.length - TRAILER_BYTES : c.bytes.length), rows: c.rows }));
  const header = chunks[0]!.bytes.subarray(0, HEADER_BYTES);
  const trailer = chunks[last]!.bytes.subarray(chunks[last]!.bytes.length - TRAILER_BYTES);
  const blockBytes = body.reduce((n, c) => n + c.bytes.length, 0);

  const shares = Array.from({ length: streams }, (_, i) => Math.floor(opts.rows / streams) + (i < opts.rows % streams ? 1 : 0));
  const units: LoadUnit[] = shares.map((share) => ({
    table: 'search_history', relation: SCRATCH_TABLE, columns: SEARCH_COLUMNS, rows: share, weight: share,
    render: function* (): Generator<CopyChunk> {
      yield { bytes: header, rows: 0 };
      for (let sent = 0; sent < share;) {
        for (const c of body) {
          if (sent >= share) break;
          yield c;
          sent += c.rows;
        }
      }
      yield { bytes: trailer, rows: 0 };
    },
  }));

  const c = new pg.Client({ connectionString: opts.databaseUrl });
  await c.connect();
  try {
    await c.query(`DROP TABLE IF EXISTS ${SCRATCH_TABLE}`);
    await c.query(`CREATE TABLE ${SCRATCH_TABLE} (LIKE search_history INCLUDING DEFAULTS)`);
    await c.query('CHECKPOINT').catch(() => undefined); // a clean WAL state, as the seeder gets; needs pg_checkpoint
    const t = performance.now();
    const stats = await runLoadUnits(units, { databaseUrl: opts.databaseUrl, streams, freeze: false });
    const copySeconds = (performance.now() - t) / 1000;
    const rows = stats.copied.search_history ?? 0;
    return { rows, streams, bytes: Math.round((rows / blockRows) * blockBytes), copySeconds, rowsPerSecond: rows / copySeconds };
  } finally {
    await c.query(`DROP TABLE IF EXISTS ${SCRATCH_TABLE}`).catch(() => undefined);
    await c.end();
  }
}
