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
import pg from 'pg';
import type { CopyChunk } from '../engine/BinaryCopyWriter.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';
import { runLoadUnits } from '../engine/runLoadUnits.ts';
import { schoolDayMs } from '../../scenarios/school/layout.ts';
import { ATTENDANCE_COLUMNS, attendanceRows } from './rows/attendanceRows.ts';
import { buildNamePools } from './namePools.ts';
import { startOfUtcDay } from './SchoolParameters.ts';

export const SCRATCH_PREFIX = 'scaleproof_raw_copy_school_';
const HEADER_BYTES = 19; // "PGCOPY\n\377\r\n\0", flags, header extension length
const TRAILER_BYTES = 2;
const BLOCK_ROWS = 1_000_000;

export interface SchoolRawCopyResult {
  rows: number;
  streams: number;
  bytes: number;
  copySeconds: number;
  rowsPerSecond: number;
}

/** `rows` attendance rows split over `streams` scratch tables; rows/s over the wall time of all streams. */
export async function measureSchoolRawCopy(opts: { databaseUrl: string; rows: number; streams?: number; seed?: number }): Promise<SchoolRawCopyResult> {
  const streams = Math.max(1, Math.min(opts.streams ?? os.availableParallelism(), opts.rows));
  const blockRows = Math.max(1, Math.min(BLOCK_ROWS, Math.ceil(opts.rows / streams)));
  const asOfMs = startOfUtcDay().getTime();
  const ctx = { seed: opts.seed ?? 42, students: blockRows, asOfMs, pools: buildNamePools(opts.seed ?? 42), chunkBytes: 256 * 1024 };
  const chunks = [...attendanceRows(ctx, [schoolDayMs(asOfMs, 0)], 0, 1)];
  const body = chunks.map((c, i) => ({
    bytes: c.bytes.subarray(i === 0 ? HEADER_BYTES : 0, i === chunks.length - 1 ? c.bytes.length - TRAILER_BYTES : c.bytes.length),
    rows: c.rows,
  }));
  const header = chunks[0]!.bytes.subarray(0, HEADER_BYTES);
  const trailer = chunks[chunks.length - 1]!.bytes.subarray(chunks[chunks.length - 1]!.bytes.length - TRAILER_BYTES);
  const blockBytes = body.reduce((n, c) => n + c.bytes.length, 0);

  const shares = Array.from({ length: streams }, (_, i) => Math.floor(opts.rows / streams) + (i < opts.rows % streams ? 1 : 0));
  const units: LoadUnit[] = shares.map((share, i) => ({
    table: 'attendance', relation: `${SCRATCH_PREFIX}${i + 1}`, columns: ATTENDANCE_COLUMNS, rows: share, weight: share,
    render: function* (): Generator<CopyChunk> {
      // Whole blocks; the last one cut at a chunk boundary, so a stream sends its share rounded to a chunk.
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
    for (const u of units) {
      await c.query(`DROP TABLE IF EXISTS ${u.relation}`);
      await c.query(`CREATE TABLE ${u.relation} (LIKE attendance INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`); // its CHECK, as a leaf has
    }
    await c.query('CHECKPOINT').catch(() => undefined); // a clean WAL state, as the seeder gets; needs pg_checkpoint
    const t = performance.now();
    const stats = await runLoadUnits(units, { databaseUrl: opts.databaseUrl, streams, freeze: true });
    const copySeconds = (performance.now() - t) / 1000;
    const rows = stats.copied.attendance ?? 0;
    const bytes = Math.round((rows / blockRows) * blockBytes);
    return { rows, streams, bytes, copySeconds, rowsPerSecond: rows / copySeconds };
  } finally {
    for (const u of units) await c.query(`DROP TABLE IF EXISTS ${u.relation}`).catch(() => undefined);
    await c.end();
  }
}
