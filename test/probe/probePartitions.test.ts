/*
 * Seed 000's "Partition missing for current month" against real Postgres: a monthly RANGE-partitioned table
 * without the current month's partition (rows would fall into DEFAULT) is reported missing and crosses
 * partitions_missing; adding the partition clears it; dropping it again brings it back. Plain and HASH tables
 * are reported as not range-partitioned and not counted. Each test has its own database.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateThresholds } from '../../harness/judge/evaluateThresholds.ts';
import { probePartitions, rangeBounds } from '../../harness/probe/probePartitions.ts';
import { summaryOf } from '../judge/summaryOf.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';

let db: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase('probe_partitions');
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

/** The month of the database's now(), and the month before it, as partition DDL. */
async function monthBounds(offset: number): Promise<{ from: string; to: string; suffix: string }> {
  const r = await client.query<{ from: string; to: string; suffix: string }>(
    `SELECT to_char(m, 'YYYY-MM-DD') AS from, to_char(m + interval '1 month', 'YYYY-MM-DD') AS to, to_char(m, 'YYYY_MM') AS suffix
       FROM (SELECT date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => $1) AS m) x`,
    [offset],
  );
  return r.rows[0]!;
}

const empty = { requests: 0, errors: 0, statusCounts: {}, throughputRps: 0, latencyMs: { min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 }, histogram: '', timeline: [] };

describe('probePartitions', () => {
  it('reports the current month missing, crosses the threshold, and clears when the partition exists', async () => {
    const last = await monthBounds(-1);
    const now = await monthBounds(0);
    await client.query(`CREATE TABLE events (id bigint, created_at timestamptz NOT NULL) PARTITION BY RANGE (created_at)`);
    await client.query(`CREATE TABLE events_default PARTITION OF events DEFAULT`);
    await client.query(`CREATE TABLE events_${last.suffix} PARTITION OF events FOR VALUES FROM ('${last.from} 00:00:00+00') TO ('${last.to} 00:00:00+00')`);
    await client.query(`CREATE TABLE plain_log (id bigint)`);
    await client.query(`CREATE TABLE ledger (id bigint) PARTITION BY HASH (id)`);

    const missing = await probePartitions(db.url, ['events', 'plain_log', 'ledger', 'nowhere']);
    expect(missing.missing).toBe(1);
    expect(missing.tables.events).toEqual({ covered: false, partition: null });
    expect(missing.tables.plain_log).toMatchObject({ partitioned: false, why: 'not partitioned in this variant' });
    expect(missing.tables.ledger).toMatchObject({ partitioned: false, why: 'partitioned, but not by range' });
    expect(missing.tables.nowhere).toMatchObject({ partitioned: false, why: 'no such table in this variant' });
    const summary = summaryOf({ endpoints: {}, totals: empty, durationS: 10, mix: {} });
    const crossed = evaluateThresholds({ ...summary, server: { ...summary.server, partitions: missing } }, { partitions_missing: ['count==0'] })[0]!;
    expect(crossed).toMatchObject({ ok: false, observed: 1 });
    expect(crossed.note).toContain('events');

    await client.query(`CREATE TABLE events_${now.suffix} PARTITION OF events FOR VALUES FROM ('${now.from} 00:00:00+00') TO ('${now.to} 00:00:00+00')`);
    const covered = await probePartitions(db.url, ['events']);
    expect(covered).toEqual({ tables: { events: { covered: true, partition: `events_${now.suffix}` } }, missing: 0 });
    const held = evaluateThresholds({ ...summary, server: { ...summary.server, partitions: covered } }, { partitions_missing: ['count==0'] })[0]!;
    expect(held).toMatchObject({ ok: true, observed: 0 });

    await client.query(`DROP TABLE events_${now.suffix}`);
    expect((await probePartitions(db.url, ['events'])).missing).toBe(1);
  });

  it('reads date-keyed bounds and open ends; an unreachable database is an error, not a pass', async () => {
    const now = await monthBounds(0);
    await client.query(`CREATE TABLE attendance (d date NOT NULL) PARTITION BY RANGE (d)`);
    await client.query(`CREATE TABLE attendance_old PARTITION OF attendance FOR VALUES FROM (MINVALUE) TO ('${now.from}')`);
    expect((await probePartitions(db.url, ['attendance'])).missing).toBe(1);
    await client.query(`CREATE TABLE attendance_new PARTITION OF attendance FOR VALUES FROM ('${now.from}') TO (MAXVALUE)`);
    expect(await probePartitions(db.url, ['attendance'])).toMatchObject({ missing: 0, tables: { attendance: { covered: true, partition: 'attendance_new' } } });
    expect(rangeBounds("FOR VALUES FROM ('it''s') TO (MAXVALUE)")).toEqual({ from: "it's", to: null });
    expect(rangeBounds('DEFAULT')).toBeUndefined();

    const bad = new URL(db.url);
    bad.pathname = '/sp_t_no_such_database';
    const failed = await probePartitions(bad.toString(), ['events']);
    expect(failed.error).toMatch(/does not exist/);
  });
});
