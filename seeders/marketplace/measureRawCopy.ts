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
import { replayRawCopy, type ReplayRawCopyResult } from '../engine/replayRawCopy.ts';
import { marketplaceCounts } from './MarketplaceParameters.ts';
import { rowContext } from './MarketplaceRowContext.ts';
import { SEARCH_COLUMNS, searchRows } from './rows/activityRows.ts';

export const SCRATCH_TABLE = 'scaleproof_raw_copy_marketplace';
const BLOCK_ROWS = 1_000_000;

export type MarketplaceRawCopyResult = ReplayRawCopyResult;

export async function measureMarketplaceRawCopy(opts: { databaseUrl: string; rows: number; streams?: number; seed?: number }): Promise<MarketplaceRawCopyResult> {
  const streams = Math.max(1, Math.min(opts.streams ?? os.availableParallelism(), opts.rows));
  const blockRows = Math.max(1, Math.min(BLOCK_ROWS, Math.ceil(opts.rows / streams)));
  const ctx = rowContext(opts.seed ?? 42, marketplaceCounts(Math.max(1, Math.ceil(opts.rows / 2))));
  return replayRawCopy({
    databaseUrl: opts.databaseUrl, rows: opts.rows, streams, block: [...searchRows(ctx, 1, blockRows)],
    table: 'search_history', columns: SEARCH_COLUMNS, relationOf: () => SCRATCH_TABLE, freeze: false,
    createSql: (r) => `CREATE TABLE ${r} (LIKE search_history INCLUDING DEFAULTS)`,
  });
}
