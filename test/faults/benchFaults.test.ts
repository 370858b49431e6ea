/*
 * `pnpm bench analytics --fault ...` through real processes: the harness's own redis-server (REDIS_URL unset),
 * the API as a child process, this machine's Postgres (DATABASE_URL: so pg-restart terminates the API's
 * backends). Four runs go together, each in its own database; what they assert is counted, never timed.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../harness/model/RunSummary.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { runCli, type CliResult } from '../helpers/runCli.ts';
import { redisServerBin, redisServerTitle } from '../helpers/testRedis.ts';

const CLI = 'scripts/bench.ts';
const BASE = ['analytics', '--users', '500', '--events-per-user', '2', '--duration', '14', '--warmup', '1', '--connections', '6'];
const WRITES = ['--mix', 'pin_public=50,pin_events=50'];
// Judged, so the summary shows both fault metrics as named thresholds (generous bounds: this is not a speed test).
const THRESHOLDS = { fault_recovery_s: ['value<600'], acked_writes_lost: ['count==0'] };

interface Run {
  res: CliResult;
  summary: RunSummary;
  out: string;
}

describe.skipIf(!redisServerBin())(redisServerTitle('bench --fault (real API, redis-server and Postgres)'), () => {
  let tmp: string;
  const dbs: TestDatabase[] = [];
  let committedKill: Run;
  let bufferedKill: Run;
  let redisDown: Run;
  let pgRestart: Run;

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-faults-'));
    const thresholds = path.join(tmp, 'faults.json');
    await fs.writeFile(thresholds, JSON.stringify(THRESHOLDS));
    const go = async (name: string, args: string[]): Promise<Run> => {
      const db = await createTestDatabase(`faults ${name}`);
      dbs.push(db);
      const out = path.join(tmp, name);
      const res = await runCli(CLI, [...BASE, ...args, '--thresholds', thresholds, '--out', out], { DATABASE_URL: db.url, REDIS_URL: undefined }, 280_000);
      const summary = JSON.parse(await fs.readFile(path.join(out, 'summary.json'), 'utf8').catch(() => 'null')) as RunSummary;
      return { res, summary, out };
    };
    [committedKill, bufferedKill, redisDown, pgRestart] = await Promise.all([
      go('committed-kill', [...WRITES, '--ack', 'committed', '--fault', 'api-kill@3s']),
      go('buffered-kill', [...WRITES, '--ack', 'buffered', '--fault', 'api-kill@3s']),
      go('redis-down', ['--mix', 'pin_public=1', '--fault', 'redis-down@3s+3s']),
      go('pg-restart', [...WRITES, '--ack', 'committed', '--fault', 'pg-restart@3s']),
    ]);
  }, 300_000);

  afterAll(async () => {
    for (const db of dbs) await db.drop();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('runs to the end and reports each fault with its recovery, judged as fault_recovery_s and acked_writes_lost', () => {
    for (const r of [committedKill, bufferedKill, redisDown, pgRestart]) {
      expect([0, 99], r.res.stderr.slice(-1500)).toContain(r.res.code);
      expect(r.summary.faults).toHaveLength(1);
      // An API that crashed on the fault (rather than being killed by it) is named here with its stderr.
      expect(r.summary.validity.notes.filter((n) => n.includes('exited unexpectedly'))).toEqual([]);
      const f = r.summary.faults![0]!;
      expect(f.error).toBeUndefined();
      expect(f.restoredAfterS).not.toBeNull();
      expect(f.firstSuccessAfterS).not.toBeNull();
      const judged = r.summary.thresholds.filter((t) => t.metric === 'fault_recovery_s' || t.metric === 'acked_writes_lost');
      expect(judged.map((t) => t.metric).sort()).toEqual(['acked_writes_lost', 'fault_recovery_s']);
      for (const t of judged) expect(t.skipped ?? false).toBe(false);
    }
  });

  it('a killed API answers again only once it is back: its first success comes after its restart', () => {
    for (const r of [committedKill, bufferedKill]) {
      const f = r.summary.faults![0]!;
      expect(f.firstSuccessAfterS!).toBeGreaterThanOrEqual(f.restoredAfterS!);
    }
  });

  it('ack=committed: every write answered 2xx before and after SIGKILL of the API is in Postgres, by id', async () => {
    const a = committedKill.summary.ackedWrites!;
    expect(a.ackMode).toBe('committed');
    expect(a.acknowledged).toBeGreaterThan(0);
    expect(a.lost).toBe(0);
    expect(a.stored).toBe(a.acknowledged);
    expect(committedKill.summary.faults![0]!.ackedWritesLost).toBe(0);
    expect(committedKill.summary.thresholds.find((t) => t.metric === 'acked_writes_lost')).toMatchObject({ observed: 0, ok: true });
  });

  it('ack=buffered: the loss SIGKILL causes is counted, attributed and reported, whatever it is', async () => {
    const s = bufferedKill.summary;
    const a = s.ackedWrites!;
    expect(a.ackMode).toBe('buffered');
    expect(a.acknowledged).toBeGreaterThan(0);
    expect(a.stored + a.lost).toBe(a.acknowledged);
    expect(s.faults![0]!.ackedWritesLost! + a.lostAfterLastFault).toBe(a.lost);
    expect(s.thresholds.find((t) => t.metric === 'acked_writes_lost')).toMatchObject({ observed: a.lost, ok: a.lost === 0 });
    const md = await fs.readFile(path.join(bufferedKill.out, 'report.md'), 'utf8');
    expect(md).toContain(`${a.lost} LOST`);
    expect(md).toContain('api-kill@3s');
  });

  it('redis-down: cached reads never answer 5xx, and the cache is used again once Redis is back', () => {
    const s = redisDown.summary;
    const f = s.faults![0]!;
    expect(Object.keys(s.endpoints.pin_public!.statusCounts)).toEqual(['200']);
    expect(f.during.serverErrors + f.after.serverErrors).toBe(0);
    expect(f.cacheHitRatioDuring).not.toBeNull();
    expect(f.cacheHitRatioAfter).toBeGreaterThan(0);
  });

  it('pg-restart: writes acknowledged before it are stored, and errors stop within the recovery time reported', async () => {
    const s = pgRestart.summary;
    const f = s.faults![0]!;
    expect(f.method).toContain('pg_terminate_backend');
    expect(s.ackedWrites!.lost).toBe(0);
    expect(f.ackedWritesLost).toBe(0);
    expect(f.recoveryS).not.toBeNull();
    expect(f.errorsStopAfterS!).toBeLessThanOrEqual(f.recoveryS!);
  });

  it('exits 2 before any load for a bad --fault, or one the run cannot carry out', async () => {
    const cases = [['--fault', 'api-kil@3s'], ['--fault', 'redis-down@3s'], ['--duration', '5', '--fault', 'api-kill@9s'], ['--fault', 'api-kill@2s', '--target', 'http://127.0.0.1:9']];
    await Promise.all(
      cases.map(async (args) => {
        const fresh = await createTestDatabase('faults bad spec');
        try {
          const res = await runCli(CLI, ['analytics', ...args, '--out', path.join(tmp, 'never')], { DATABASE_URL: fresh.url, REDIS_URL: undefined });
          expect(res.code, args.join(' ')).toBe(2);
          expect(res.stderr.trim().split('\n'), res.stderr).toHaveLength(1);
          expect(res.stderr).toContain('--fault');
          const c = new pg.Client({ connectionString: fresh.url });
          await c.connect();
          const t = await c.query(`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname LIKE 'analytics_%'`);
          await c.end();
          expect(t.rows[0].n, 'nothing was migrated').toBe(0);
        } finally {
          await fresh.drop();
        }
      }),
    );
    await expect(fs.access(path.join(tmp, 'never'))).rejects.toThrow();
  });
});
