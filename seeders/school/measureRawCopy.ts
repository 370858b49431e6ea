/*
 * This machine's raw COPY ceiling for the school dataset's largest table (attendance), measured next to the
 * seeder: the seeder's own attendance rows, rendered before the clock starts, COPYed with the seeder's own
 * loader (binary, FREEZE, one stream per scratch table) into `streams` plain scratch tables shaped like an
 * attendance leaf (columns, defaults, CHECK), with no index, key or partition routing. The scratch tables
 * are dropped afterwards. Rendering is not timed, so this is Postgres's ceiling, not the generator's.
 *
 * Memory stays bounded: one block of at most 1M rows (~57 MB) is rendered, and each stream replays it
 * (without its COPY header and trailer) until its share of `rows` is sent; duplicate rows are fine in a
 * table without keys.
 */
import os from 'node:os';
import { replayRawCopy, type ReplayRawCopyResult } from '../engine/replayRawCopy.ts';
import { schoolDayMs } from '../../scenarios/school/layout.ts';
import { ATTENDANCE_COLUMNS, attendanceRows } from './rows/attendanceRows.ts';
import { buildNamePools } from './namePools.ts';
import { startOfUtcDay } from './SchoolParameters.ts';

export const SCRATCH_PREFIX = 'scaleproof_raw_copy_school_';
const BLOCK_ROWS = 1_000_000;

export type SchoolRawCopyResult = ReplayRawCopyResult;

/** `rows` attendance rows split over `streams` scratch tables; rows/s over the wall time of all streams. */
export async function measureSchoolRawCopy(opts: { databaseUrl: string; rows: number; streams?: number; seed?: number }): Promise<SchoolRawCopyResult> {
  const streams = Math.max(1, Math.min(opts.streams ?? os.availableParallelism(), opts.rows));
  const blockRows = Math.max(1, Math.min(BLOCK_ROWS, Math.ceil(opts.rows / streams)));
  const asOfMs = startOfUtcDay().getTime();
  const ctx = { seed: opts.seed ?? 42, students: blockRows, asOfMs, pools: buildNamePools(opts.seed ?? 42), chunkBytes: 256 * 1024 };
  return replayRawCopy({
    databaseUrl: opts.databaseUrl, rows: opts.rows, streams, block: [...attendanceRows(ctx, [schoolDayMs(asOfMs, 0)], 0, 1)],
    table: 'attendance', columns: ATTENDANCE_COLUMNS, relationOf: (i) => `${SCRATCH_PREFIX}${i + 1}`, freeze: true,
    // Its CHECK, as a leaf has.
    createSql: (r) => `CREATE TABLE ${r} (LIKE attendance INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
  });
}
