/*
 * The optimized schema's plan pieces on a seeded fleet with 8 wallet partitions: every hash remainder receives
 * ledger rows; both views refresh CONCURRENTLY (the refresh holds ExclusiveLock, which readers pass, never
 * AccessExclusiveLock) and pick up new rows; archival drops exactly the month partitions older than
 * 6 months and returns them; the API's tasks run the same statements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveLocationLogs, ensureLocationPartitions, refreshView, RIDER_VIEWS } from '../../reference-impl/riders/maintenance/riderMaintenance.ts';
import { startRidersApi, seededRidersDatabase, type RidersDatabase, type RidersTestApi } from './helpers/ridersTestApi.ts';

describe('riders optimized schema: partitions, views, archival', () => {
  let db: RidersDatabase;
  let api: RidersTestApi;

  beforeAll(async () => {
    db = await seededRidersDatabase('riders schema', { variants: ['optimized'], walletPartitions: 8 });
    api = await startRidersApi('riders schema', 'optimized', db.urls.optimized);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('hash-partitions wallet_ledger into 8 partitions, each holding rows', async () => {
    const c = await db.client('optimized');
    const parts = (await c.query<{ name: string; bound: string; n: string }>(
      `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text AS n
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'wallet_ledger'::regclass ORDER BY c.relname`)).rows;
    expect(parts.map((p) => p.bound)).toEqual(Array.from({ length: 8 }, (_, r) => `FOR VALUES WITH (modulus 8, remainder ${r})`));
    for (const p of parts) expect(Number(p.n), p.name).toBeGreaterThan(0);
    const total = Number((await c.query('SELECT count(*) AS n FROM wallet_ledger')).rows[0].n);
    expect(parts.reduce((s, p) => s + Number(p.n), 0)).toBe(total);
  });

  it('refreshes each view CONCURRENTLY: ExclusiveLock held, a reader still answered mid-refresh', async () => {
    const writer = await db.client('optimized');
    const reader = await db.client('optimized');
    for (const [view, fn] of [['rider_leaderboard', RIDER_VIEWS.leaderboard], ['rider_performance_summary', RIDER_VIEWS.performance]] as const) {
      await writer.query('BEGIN');
      await writer.query(`SELECT ${fn}()`);
      const modes = (await reader.query<{ mode: string }>(`SELECT mode FROM pg_locks WHERE relation = $1::regclass AND pid = $2`, [view, (writer as unknown as { processID: number }).processID])).rows.map((r) => r.mode);
      // A reader is not blocked while the refreshing transaction is open (lock_timeout makes a block an error).
      await reader.query(`SET lock_timeout = '2s'`);
      const rows = Number((await reader.query(`SELECT count(*) AS n FROM ${view}`)).rows[0].n);
      await writer.query('COMMIT');
      expect(modes, view).toContain('ExclusiveLock');
      expect(modes, view).not.toContain('AccessExclusiveLock');
      expect(rows, view).toBeGreaterThan(0);
    }
  });

  it('shows a new earning in rider_leaderboard after the API task\'s refresh', async () => {
    const c = await db.client('optimized');
    const before = (await c.query(`SELECT total_earnings::text AS e FROM rider_leaderboard WHERE rider_id = 1`)).rows[0]?.e as string;
    await c.query(`INSERT INTO wallet_ledger (rider_id, amount, entry_type) VALUES (1, 99.99, 'earning')`);
    await refreshView(api.app.scaleproof.db, RIDER_VIEWS.leaderboard);
    const after = (await c.query(`SELECT total_earnings::text AS e FROM rider_leaderboard WHERE rider_id = 1`)).rows[0]?.e as string;
    expect(Math.round(Number(after) * 100) - Math.round(Number(before) * 100)).toBe(9999);
  });

  it('archives exactly the month partitions that ended 6 months or more before as_of, and says which', async () => {
    const c = await db.client('optimized');
    const names = async () => (await c.query<{ n: string }>(`SELECT c.relname AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'location_logs'::regclass ORDER BY 1`)).rows.map((r) => r.n);
    // The seed holds 2025-11 .. 2026-10; as of 2026-10-15 the cutoff is 2026-04-15: months ending by then go.
    const seeded = await names();
    expect(seeded).toContain('location_logs_y2025m11');
    const dropped = (await c.query<{ p: string }>(`SELECT p FROM archive_old_location_logs(6, '2026-10-15') AS p`)).rows.map((r) => r.p);
    expect(dropped).toEqual(['location_logs_y2025m11', 'location_logs_y2025m12', 'location_logs_y2026m01', 'location_logs_y2026m02', 'location_logs_y2026m03']);
    const left = await names();
    expect(left).toContain('location_logs_y2026m04'); // ends 2026-05-01, after the cutoff
    expect(left.filter((n) => dropped.includes(n))).toEqual([]);
    expect(left.length).toBe(seeded.length - dropped.length);
    expect(await archiveLocationLogs(api.app.scaleproof.db, 6)).toEqual(expect.any(Array)); // the task's statement runs
  });

  it('creates this month\'s and next month\'s location partitions (the API\'s first task)', async () => {
    await ensureLocationPartitions(api.app.scaleproof.db);
    const c = await db.client('optimized');
    const r = (await c.query(`SELECT to_regclass('location_logs_y' || to_char(now(), 'YYYY') || 'm' || to_char(now(), 'MM')) IS NOT NULL AS ok`)).rows[0];
    expect(r.ok).toBe(true);
  });
});
