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
import pg from 'pg';
import type { CopyChunk } from '../engine/BinaryCopyWriter.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';
import { runLoadUnits } from '../engine/runLoadUnits.ts';
import { ORDER_COLUMNS, orderChunks, orderRanges } from './tableUnits.ts';

const SCRATCH = 'scaleproof_raw_copy_catalog_orders';
const HEADER_BYTES = 19;
const TRAILER_BYTES = 2;
const BLOCK_ROWS = 200_000;

export interface CatalogRawCopyResult {
  rows: number;
  streams: number;
  bytes: number;
  copySeconds: number;
  rowsPerSecond: number;
}

export async function measureCatalogRawCopy(opts: { databaseUrl: string; rows: number; streams?: number; seed?: number }): Promise<CatalogRawCopyResult> {
  const streams = Math.max(1, Math.min(opts.streams ?? os.availableParallelism(), opts.rows));
  // Enough clients for one block of orders (client ranges as the seeder cuts them).
  let clients = 1;
  while (orderRanges(clients, 1)[0]!.rows < Math.min(BLOCK_ROWS, opts.rows) && clients < 100_000) clients++;
  const ctx = { seed: opts.seed ?? 42, clients, asOfMs: Date.now() };
  const chunks = [...orderChunks(ctx, 1, clients)];
  const blockRows = chunks.reduce((n, c) => n + c.rows, 0);
  const body = chunks.map((c, i) => ({
    bytes: c.bytes.subarray(i === 0 ? HEADER_BYTES : 0, i === chunks.length - 1 ? c.bytes.length - TRAILER_BYTES : c.bytes.length),
    rows: c.rows,
  }));
  const header = chunks[0]!.bytes.subarray(0, HEADER_BYTES);
  const trailer = chunks[chunks.length - 1]!.bytes.subarray(chunks[chunks.length - 1]!.bytes.length - TRAILER_BYTES);
  const blockBytes = body.reduce((n, c) => n + c.bytes.length, 0);
  const shares = Array.from({ length: streams }, (_, i) => Math.floor(opts.rows / streams) + (i < opts.rows % streams ? 1 : 0));
  const units: LoadUnit[] = shares.map((share) => ({
    table: 'orders', relation: SCRATCH, columns: ORDER_COLUMNS, rows: share, weight: share,
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
    await c.query(`DROP TABLE IF EXISTS ${SCRATCH}`);
    await c.query(`CREATE TABLE ${SCRATCH} (LIKE orders INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await c.query('CHECKPOINT').catch(() => undefined);
    const t = performance.now();
    const stats = await runLoadUnits(units, { databaseUrl: opts.databaseUrl, streams, freeze: false });
    const copySeconds = (performance.now() - t) / 1000;
    const rows = stats.copied.orders ?? 0;
    return { rows, streams, bytes: Math.round((rows / blockRows) * blockBytes), copySeconds, rowsPerSecond: rows / copySeconds };
  } finally {
    await c.query(`DROP TABLE IF EXISTS ${SCRATCH}`).catch(() => undefined);
    await c.end();
  }
}
