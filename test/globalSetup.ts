/*
 * Gives every test file the same Postgres and Redis: DATABASE_URL / REDIS_URL when set (CI), else the
 * harness's own embedded Postgres and a spawned redis-server, so `pnpm test` works on a machine with Node only.
 * Tests never share data: each creates its own database (test/helpers/testDatabase.ts) and Redis prefix.
 * Tests never write into reports/ either (the user's run output): its listing is taken here before the run, and
 * the teardown fails the run, naming the entries, when anything in it was added, changed or removed.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { readEnv } from '../harness/config/readEnv.ts';
import { startPostgres } from '../harness/services/startPostgres.ts';
import { startRedis } from '../harness/services/startRedis.ts';
import { assertUntouched, listTree } from './helpers/reportsGuard.ts';

const REPORTS_DIR = fileURLToPath(new URL('../reports', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string | undefined;
    redisServerBin: string | undefined;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reportsBefore = await listTree(REPORTS_DIR);
  const env = readEnv(process.env);
  const log = (line: string) => console.log(`[test services] ${line}`);
  // A throwaway cluster per test run when no DATABASE_URL is given: two concurrent runs never share a data dir.
  const tmp = env.databaseUrl ? undefined : await fs.mkdtemp(path.join(os.tmpdir(), 'scaleproof-test-pg-'));
  if (tmp) await fs.chmod(tmp, 0o755); // as root, Postgres runs as 'postgres' and must enter it
  const pg = await startPostgres({ databaseUrl: env.databaseUrl, dataDir: path.join(tmp ?? '.', 'pg'), log });
  const redis = await startRedis({ redisUrl: env.redisUrl, log, pathVar: env.pathVar });
  const { findOnPath } = await import('../harness/services/findOnPath.ts');
  project.provide('databaseUrl', pg.url);
  project.provide('redisUrl', redis.url);
  project.provide('redisServerBin', await findOnPath('redis-server', env.pathVar));
  return async () => {
    await redis.stop();
    await pg.stop();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
    try {
      assertUntouched('reports/', reportsBefore, await listTree(REPORTS_DIR));
    } catch (err) {
      // Vitest prints a teardown error ("error during close") but would still exit 0: fail the run ourselves.
      process.exitCode = 1;
      throw err;
    }
  };
}
