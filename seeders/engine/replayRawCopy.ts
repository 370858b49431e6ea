/*
 * A dataset's raw COPY ceiling, measured next to its seeder (bench:seed): one block of the seeder's own binary
 * COPY rows, rendered before the clock starts, is replayed (without its COPY header and trailer) by `streams`
 * streams of the seeder's loader into plain scratch tables with no index, until `rows` are sent; duplicate rows
 * are fine in a table without keys. Rendering is not timed, so this is Postgres's ceiling, not the generator's.
 * Memory stays bounded by the one block. The scratch tables are dropped afterwards.
 */
import pg from 'pg';
import type { CopyChunk } from './BinaryCopyWriter.ts';
import type { LoadUnit } from './LoadUnit.ts';
import { runLoadUnits } from './runLoadUnits.ts';

const HEADER_BYTES = 19; // "PGCOPY\n\377\r\n\0", flags, header extension length
const TRAILER_BYTES = 2;

export interface ReplayRawCopyOptions {
  databaseUrl: string;
  /** Rows to send over all streams. */
  rows: number;
  streams: number;
  /** One rendered binary COPY stream: the header in its first chunk, the trailer in its last. */
  block: readonly CopyChunk[];
  /** The table the rows are shaped for (its name keys the loader's counts). */
  table: string;
  columns: readonly string[];
  /** The scratch relation stream `i` (0-based) writes to; streams may share one. */
  relationOf(stream: number): string;
  /** CREATE TABLE statement for one scratch relation (dropped first if it exists). */
  createSql(relation: string): string;
  /** COPY ... FREEZE, as the seeder's loads of fresh tables use. */
  freeze: boolean;
}

export interface ReplayRawCopyResult {
  rows: number;
  streams: number;
  /** Bytes sent, estimated from the block's bytes per row. */
  bytes: number;
  copySeconds: number;
  rowsPerSecond: number;
}

export async function replayRawCopy(o: ReplayRawCopyOptions): Promise<ReplayRawCopyResult> {
  const last = o.block.length - 1;
  const body = o.block.map((c, i) => ({ bytes: c.bytes.subarray(i === 0 ? HEADER_BYTES : 0, i === last ? c.bytes.length - TRAILER_BYTES : c.bytes.length), rows: c.rows }));
  const header = o.block[0]!.bytes.subarray(0, HEADER_BYTES);
  const trailer = o.block[last]!.bytes.subarray(o.block[last]!.bytes.length - TRAILER_BYTES);
  const blockRows = body.reduce((n, c) => n + c.rows, 0);
  const blockBytes = body.reduce((n, c) => n + c.bytes.length, 0);
  const shares = Array.from({ length: o.streams }, (_, i) => Math.floor(o.rows / o.streams) + (i < o.rows % o.streams ? 1 : 0));
  const units: LoadUnit[] = shares.map((share, i) => ({
    table: o.table, relation: o.relationOf(i), columns: [...o.columns], rows: share, weight: share,
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
  const relations = [...new Set(units.map((u) => u.relation))];
  const c = new pg.Client({ connectionString: o.databaseUrl });
  await c.connect();
  try {
    for (const r of relations) {
      await c.query(`DROP TABLE IF EXISTS ${r}`);
      await c.query(o.createSql(r));
    }
    await c.query('CHECKPOINT').catch(() => undefined); // a clean WAL state, as the seeder gets; needs pg_checkpoint
    const t = performance.now();
    const stats = await runLoadUnits(units, { databaseUrl: o.databaseUrl, streams: o.streams, freeze: o.freeze });
    const copySeconds = (performance.now() - t) / 1000;
    const rows = stats.copied[o.table] ?? 0;
    return { rows, streams: o.streams, bytes: Math.round((rows / Math.max(1, blockRows)) * blockBytes), copySeconds, rowsPerSecond: rows / copySeconds };
  } finally {
    for (const r of relations) await c.query(`DROP TABLE IF EXISTS ${r}`).catch(() => undefined);
    await c.end();
  }
}
