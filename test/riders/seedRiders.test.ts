/*
 * The riders seeder: the same parameters give the same rows (two schemas seeded apart hash equal, table by
 * table); a complete manifest with the same parameters skips the load; an interrupted load (manifest left
 * 'loading') is reloaded from scratch; row counts are verified against the plan.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchema } from '../../harness/migrate/schemaUrl.ts';
import { RIDERS_TABLES } from '../../seeders/riders/ridersPlan.ts';
import { seedRiders } from '../../seeders/riders/seedRiders.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { TEST_AS_OF } from './helpers/ridersTestApi.ts';

const RIDERS = 500;

describe('riders seeder', () => {
  let database: TestDatabase;
  let a: string;
  let b: string;
  const clients: pg.Client[] = [];
  const connect = async (url: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    clients.push(c);
    return c;
  };
  const seed = (url: string) => seedRiders({ databaseUrl: url, variant: 'optimized', users: RIDERS, seed: 7, asOf: TEST_AS_OF, log: () => undefined, streams: 2 });
  const digest = async (url: string, table: string) => {
    const c = await connect(url);
    return (await c.query(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h, count(*)::int AS n FROM ${table} t`)).rows[0] as { h: string; n: number };
  };

  beforeAll(async () => {
    database = await createTestDatabase('riders seeder');
    a = withSchema(database.url, 'riders_seed_a');
    b = withSchema(database.url, 'riders_seed_b');
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await database?.drop();
  });

  it('gives the same rows in two schemas seeded apart, with the row counts it reports', async () => {
    const ra = await seed(a);
    const rb = await seed(b);
    expect(ra.skipped).toBe(false);
    expect(ra.rowCounts).toEqual(rb.rowCounts);
    expect(ra.rowCounts.riders).toBe(RIDERS);
    expect(ra.rowCounts.location_logs).toBe(RIDERS * 12);
    for (const t of RIDERS_TABLES) {
      const [x, y] = await Promise.all([digest(a, t), digest(b, t)]);
      expect(x.n, t).toBe(ra.rowCounts[t]);
      expect(x.h, t).toBe(y.h);
    }
  }, 120_000);

  it('skips a complete dataset with the same parameters, and reloads an interrupted one', async () => {
    const again = await seed(a);
    expect(again.skipped).toBe(true);
    const c = await connect(a);
    await c.query(`UPDATE scaleproof_dataset_manifest SET status = 'loading'`);
    await c.query('DELETE FROM riders WHERE id > 10'); // what a dead load may leave behind
    const reloaded = await seed(a);
    expect(reloaded.skipped).toBe(false);
    expect((await digest(a, 'riders')).h).toBe((await digest(b, 'riders')).h);
  }, 120_000);
});
