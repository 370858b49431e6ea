/*
 * This machine's raw COPY limit for pin_analytics, measured next to the seeder (pnpm bench:seed): the very
 * rows the seeder streams, rendered into memory first (not timed), then COPYed with the seeder's own
 * loader (same streams, binary format, FREEZE, one COPY per leaf partition) into a scratch copy of
 * pin_analytics with the same partitions and no index; then the same indexes (primary key and 003's
 * secondary ones, definitions read from pin_analytics) are built after, the way the seeder builds them:
 * per leaf on parallel connections, then attached to the parent. The scratch table is dropped.
 */
import pg from 'pg';
import type { CopyChunk } from '../engine/BinaryCopyWriter.ts';
import { eventUnits } from './buildLoadUnits.ts';
import { planDataset } from './datasetPlan.ts';
import { createKeyPicker } from '../engine/keyPicker.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';
import type { RowContext } from './RowContext.ts';
import { MAINTENANCE_WORK_MEM, onParallelClients } from '../engine/onParallelClients.ts';
import { runLoadUnits } from '../engine/runLoadUnits.ts';
import type { SeedParameters } from './SeedParameters.ts';
import { buildStringPools } from './stringPools.ts';

export const SCRATCH_TABLE = 'scaleproof_raw_copy';

export interface RawCopyResult {
  rows: number;
  bytes: number;
  prerenderSeconds: number;
  copySeconds: number;
  indexSeconds: number;
  copyRowsPerSecond: number;
  withIndexesRowsPerSecond: number;
}

interface ScratchIndex {
  /** CREATE INDEX on the scratch parent (attaches the leaf indexes built before it). */
  parent: string;
  /** "[UNIQUE ]INDEX ON <leaf> USING btree (...)" without the leaf name: fill in with leafSql(). */
  leafSql: (leaf: string) => string;
}

/** Creates the scratch table and leaves; returns pin_analytics' index definitions retargeted to it. */
async function createScratch(c: pg.Client): Promise<{ leaves: string[]; indexes: ScratchIndex[] }> {
  await c.query(`DROP TABLE IF EXISTS ${SCRATCH_TABLE}`);
  await c.query(`CREATE TABLE ${SCRATCH_TABLE} (LIKE pin_analytics) PARTITION BY RANGE (created_at)`);
  const parts = await c.query<{ name: string; bound: string }>(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'pin_analytics'::regclass ORDER BY 1`,
  );
  for (const p of parts.rows) {
    await c.query(`CREATE TABLE ${scratchName(p.name)} PARTITION OF ${SCRATCH_TABLE} ${p.bound}`);
  }
  // pin_analytics' own index definitions (primary key included), retargeted to the scratch table.
  const defs = await c.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'pin_analytics' ORDER BY 1`);
  const indexes = defs.rows.map((d) => {
    const m = /^CREATE (UNIQUE )?INDEX \S+ ON (?:ONLY )?\S+ (USING [\s\S]+)$/.exec(d.indexdef);
    if (!m) throw new Error(`unexpected index definition ${d.indexdef}`);
    return {
      parent: `CREATE ${m[1] ?? ''}INDEX ${SCRATCH_TABLE}_${d.indexname} ON ${SCRATCH_TABLE} ${m[2]}`,
      leafSql: (leaf: string) => `CREATE ${m[1] ?? ''}INDEX ON ${leaf} ${m[2]}`,
    };
  });
  return { leaves: parts.rows.map((p) => scratchName(p.name)), indexes };
}

function scratchName(partition: string): string {
  return partition.replace(/^pin_analytics/, SCRATCH_TABLE);
}

export async function measureRawCopy(opts: { databaseUrl: string; params: SeedParameters; streams: number; freeze: boolean; log: (line: string) => void }): Promise<RawCopyResult> {
  const plan = planDataset(opts.params);
  const ctx: RowContext = {
    seed: opts.params.seed, users: opts.params.users, asOfMs: plan.asOfMs, chunkBytes: 256 * 1024,
    pools: buildStringPools(opts.params.seed), pick: createKeyPicker(opts.params.users, opts.params.distribution),
  };
  let t = performance.now();
  let bytes = 0;
  const units: LoadUnit[] = eventUnits(plan, ctx).map((u) => {
    const chunks: CopyChunk[] = [...u.render()];
    for (const ch of chunks) bytes += ch.bytes.length;
    return { ...u, relation: scratchName(u.relation), render: function* () { yield* chunks; } };
  });
  const prerenderSeconds = (performance.now() - t) / 1000;
  const rows = units.reduce((n, u) => n + u.rows, 0);
  opts.log(`raw COPY: ${rows.toLocaleString('en-US')} pre-rendered rows (${(bytes / 1e6).toFixed(0)} MB) into ${SCRATCH_TABLE}`);

  const c = new pg.Client({ connectionString: opts.databaseUrl });
  await c.connect();
  try {
    const scratch = await createScratch(c);
    // Start from a clean WAL state, as benchSeed gives the seeder; needs superuser/pg_checkpoint, else skipped.
    await c.query('CHECKPOINT').catch(() => undefined);
    t = performance.now();
    await runLoadUnits(units, { databaseUrl: opts.databaseUrl, streams: opts.streams, freeze: opts.freeze });
    const copySeconds = (performance.now() - t) / 1000;
    await c.query(`SET maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
    t = performance.now();
    const sizes = new Map(units.map((u) => [u.relation, u.rows]));
    const leaves = [...scratch.leaves].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0)); // biggest first
    await onParallelClients(opts.databaseUrl, opts.streams, leaves.map((leaf) => async (lc) => {
      for (const ix of scratch.indexes) await lc.query(ix.leafSql(leaf));
    }));
    for (const ix of scratch.indexes) await c.query(ix.parent);
    const indexSeconds = (performance.now() - t) / 1000;
    return {
      rows, bytes, prerenderSeconds, copySeconds, indexSeconds,
      copyRowsPerSecond: rows / copySeconds,
      withIndexesRowsPerSecond: rows / (copySeconds + indexSeconds),
    };
  } finally {
    await c.query(`DROP TABLE IF EXISTS ${SCRATCH_TABLE}`).catch(() => undefined);
    await c.end();
  }
}
