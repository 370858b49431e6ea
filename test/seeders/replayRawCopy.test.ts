/*
 * The raw COPY probe bench:seed compares seeders with (seeders/engine/replayRawCopy.ts), through two workloads'
 * probes: one scratch table per stream (riders) and one shared by the streams (catalog). Every stream sends its
 * share rounded up to a whole chunk, and no scratch table is left behind.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../harness/migrate/migrate.ts';
import { catalogMigrations } from '../../reference-impl/catalog/schema/schemaDirs.ts';
import { measureCatalogRawCopy } from '../../seeders/catalog/measureRawCopy.ts';
import { measureRidersRawCopy } from '../../seeders/riders/measureRawCopy.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

describe('replayRawCopy', () => {
  let db: TestDatabase;
  const scratchTables = async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'scaleproof_raw_copy%'`)).rows[0]!.n;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('replay raw copy');
    await migrate(db.url, catalogMigrations.optimized);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('sends at least the rows asked for, over one scratch table per stream, and drops them', async () => {
    const r = await measureRidersRawCopy(db.url, 30_000, 2);
    expect(r.streams).toBe(2);
    expect(r.rows).toBeGreaterThanOrEqual(30_000);
    expect(r.rows).toBeLessThan(30_000 + 2 * 10_000); // at most one 256 kB chunk over per stream
    expect(r.rowsPerSecond).toBeGreaterThan(0);
    expect(await scratchTables()).toBe(0);
  });

  it('shares one scratch table shaped like the real one when the seeder loads that table from several streams', async () => {
    const r = await measureCatalogRawCopy({ databaseUrl: db.url, rows: 5_000, streams: 2 });
    expect(r.rows).toBeGreaterThanOrEqual(5_000);
    expect(r.bytes).toBeGreaterThan(r.rows * 50); // an order row is a few hundred bytes of COPY
    expect(await scratchTables()).toBe(0);
  });
});
