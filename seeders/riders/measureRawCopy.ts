/*
 * This machine's raw COPY ceiling for the riders dataset's largest table (location_logs), measured next to the
 * seeder: the seeder's own location rows for one month, rendered before the clock starts, COPYed with the
 * seeder's loader (binary, FREEZE, one stream per scratch table) into `streams` plain scratch tables shaped
 * like a location_logs leaf, with no index. The scratch tables are dropped afterwards. Memory stays bounded:
 * one block of at most 1M rows (~45 MB) is rendered and replayed until each stream has sent its share.
 */
import os from 'node:os';
import pg from 'pg';
import type { CopyChunk } from '../engine/BinaryCopyWriter.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';
import { runLoadUnits } from '../engine/runLoadUnits.ts';
import { LOCATION_COLUMNS, locationRows } from './rows/locationRows.ts';
import { monthsOf, startOfUtcDay } from './ridersPlan.ts';

const SCRATCH_PREFIX = 'scaleproof_raw_copy_riders_';
const HEADER_BYTES = 19;
const TRAILER_BYTES = 2;
const BLOCK_ROWS = 1_000_000;

export async function measureRidersRawCopy(databaseUrl: string, rows: number, streamsWanted?: number): Promise<{ rows: number; streams: number; copySeconds: number; rowsPerSecond: number }> {
  const streams = Math.max(1, Math.min(streamsWanted ?? os.availableParallelism(), rows));
  const blockRows = Math.max(1, Math.min(BLOCK_ROWS, Math.ceil(rows / streams)));
  const asOfMs = startOfUtcDay().getTime();
  const month = monthsOf(asOfMs).at(-2)!; // a whole month
  const chunks = [...locationRows({ seed: 42, riders: blockRows, asOfMs, chunkBytes: 256 * 1024 }, month, 10)];
  const header = chunks[0]!.bytes.subarray(0, HEADER_BYTES);
  const last = chunks[chunks.length - 1]!.bytes;
  const trailer = last.subarray(last.length - TRAILER_BYTES);
  const body = chunks.map((c, i) => ({ bytes: c.bytes.subarray(i === 0 ? HEADER_BYTES : 0, i === chunks.length - 1 ? c.bytes.length - TRAILER_BYTES : c.bytes.length), rows: c.rows }));
  const shares = Array.from({ length: streams }, (_, i) => Math.floor(rows / streams) + (i < rows % streams ? 1 : 0));
  const units: LoadUnit[] = shares.map((share, i) => ({
    table: 'location_logs', relation: `${SCRATCH_PREFIX}${i + 1}`, columns: LOCATION_COLUMNS, rows: share, weight: share,
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
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    for (const u of units) {
      await c.query(`DROP TABLE IF EXISTS ${u.relation}`);
      await c.query(`CREATE TABLE ${u.relation} (rider_id bigint NOT NULL, lat double precision NOT NULL, lon double precision NOT NULL, recorded_at timestamptz NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    }
    await c.query('CHECKPOINT').catch(() => undefined);
    const t = performance.now();
    const stats = await runLoadUnits(units, { databaseUrl, streams, freeze: true });
    const copySeconds = (performance.now() - t) / 1000;
    const copied = stats.copied.location_logs ?? 0;
    return { rows: copied, streams, copySeconds, rowsPerSecond: copied / copySeconds };
  } finally {
    for (const u of units) await c.query(`DROP TABLE IF EXISTS ${u.relation}`).catch(() => undefined);
    await c.end();
  }
}
