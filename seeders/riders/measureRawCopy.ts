/*
 * This machine's raw COPY ceiling for the riders dataset's largest table (location_logs), measured next to the
 * seeder: the seeder's own location rows for one month, rendered before the clock starts, COPYed with the
 * seeder's loader (binary, FREEZE, one stream per scratch table) into `streams` plain scratch tables shaped
 * like a location_logs leaf, with no index. The scratch tables are dropped afterwards. Memory stays bounded:
 * one block of at most 1M rows (~45 MB) is rendered and replayed until each stream has sent its share.
 */
import os from 'node:os';
import { replayRawCopy } from '../engine/replayRawCopy.ts';
import { LOCATION_COLUMNS, locationRows } from './rows/locationRows.ts';
import { monthsOf, startOfUtcDay } from './ridersPlan.ts';

const SCRATCH_PREFIX = 'scaleproof_raw_copy_riders_';
const BLOCK_ROWS = 1_000_000;

export async function measureRidersRawCopy(databaseUrl: string, rows: number, streamsWanted?: number): Promise<{ rows: number; streams: number; copySeconds: number; rowsPerSecond: number }> {
  const streams = Math.max(1, Math.min(streamsWanted ?? os.availableParallelism(), rows));
  const blockRows = Math.max(1, Math.min(BLOCK_ROWS, Math.ceil(rows / streams)));
  const asOfMs = startOfUtcDay().getTime();
  const month = monthsOf(asOfMs).at(-2)!; // a whole month
  const r = await replayRawCopy({
    databaseUrl, rows, streams, block: [...locationRows({ seed: 42, riders: blockRows, asOfMs, chunkBytes: 256 * 1024 }, month, 10)],
    table: 'location_logs', columns: LOCATION_COLUMNS, relationOf: (i) => `${SCRATCH_PREFIX}${i + 1}`, freeze: true,
    createSql: (rel) => `CREATE TABLE ${rel} (rider_id bigint NOT NULL, lat double precision NOT NULL, lon double precision NOT NULL, recorded_at timestamptz NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  });
  return { rows: r.rows, streams: r.streams, copySeconds: r.copySeconds, rowsPerSecond: r.rowsPerSecond };
}
