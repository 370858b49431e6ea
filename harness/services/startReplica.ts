/*
 * A streaming read replica for the reads the plans send to one (seed 000: "direct summary queries to replica";
 * seeds 001 and 004: analytics and reads). DATABASE_REPLICA_URL when set; else, when the harness runs embedded
 * Postgres, its own hot standby: a base copy of the primary (baseBackup.ts), standby.signal, primary_conninfo and
 * a physical replication slot, on its own port, started and waited for until it has replayed everything the
 * primary had written when it started; else none (an external DATABASE_URL gives the harness no way in as a
 * replication client), said loudly and recorded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import crypto from 'node:crypto';
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { withPgClient } from './withPgClient.ts';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { baseBackup } from './baseBackup.ts';
import { checkPostgres } from './checkPostgres.ts';
import { embeddedPostgresBinary } from './embeddedPostgresBinary.ts';
import { freePort } from './freePort.ts';
import { redactUrl } from './redactUrl.ts';
import { waitForReplay } from './waitForReplay.ts';
import { chownTo, postgresUser, type RunAs } from './runAsPostgresUser.ts';
import type { Log, ServiceHandle } from './ServiceHandle.ts';
import { atExit } from '../run/exitHooks.ts';

export type ReplicaHandle = ServiceHandle<'spawned' | 'external' | 'none'> & {
  /** application_name the standby streams as (pg_stat_replication), when the harness started it. */
  applicationName?: string | undefined;
  serverVersion?: string | undefined;
};

export interface StartReplicaOptions {
  databaseReplicaUrl?: string | undefined;
  /** The primary as the harness reached it, and its data directory when the harness runs it (embedded). */
  primaryUrl: string;
  primaryDataDir?: string | undefined;
  log: Log;
  /** How long to wait for the standby to replay the primary's WAL; default 120 s. */
  catchUpTimeoutMs?: number | undefined;
}

const SLOT_PREFIX = 'scaleproof_replica_';

export async function startReplica(o: StartReplicaOptions): Promise<ReplicaHandle> {
  if (o.databaseReplicaUrl) {
    const { serverVersion } = await checkPostgres(o.databaseReplicaUrl);
    o.log(`replica: DATABASE_REPLICA_URL ${redactUrl(o.databaseReplicaUrl)} (Postgres ${serverVersion})`);
    return { kind: 'external', url: o.databaseReplicaUrl, serverVersion, stop: async () => undefined };
  }
  if (!o.primaryDataDir) {
    o.log('WARNING: no DATABASE_REPLICA_URL and the primary is an external DATABASE_URL: NO read replica, reads go to the primary. Set DATABASE_REPLICA_URL, or unset DATABASE_URL to let the harness run Postgres and its replica.');
    return { kind: 'none', url: undefined, stop: async () => undefined };
  }
  return spawnStandby(o, o.primaryDataDir);
}

async function spawnStandby(o: StartReplicaOptions, primaryDataDir: string): Promise<ReplicaHandle> {
  const t0 = performance.now();
  const bin = await embeddedPostgresBinary();
  const runAs = await postgresUser();
  const id = crypto.randomBytes(4).toString('hex');
  const slot = `${SLOT_PREFIX}${id}`;
  const dir = `${primaryDataDir}-replica-${id}`;
  const primary = new URL(o.primaryUrl);
  await withPgClient(o.primaryUrl, async (c) => {
    // Slots of replicas that died with their run would keep WAL forever.
    await c.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name LIKE '${SLOT_PREFIX}%' AND NOT active AND slot_type = 'physical'`);
    await c.query('SELECT pg_create_physical_replication_slot($1, true)', [slot]);
  });
  const dropSlot = () => withPgClient(o.primaryUrl, (c) => c.query('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1', [slot])).catch(() => undefined);
  const port = await freePort();
  let child: ChildProcess | undefined;
  // A run that ends without stopping the replica (Ctrl-C during the base copy, an uncaught error) must not leave
  // gigabytes of copy behind: removed synchronously on exit (the handle's own net takes over once it exists).
  const disarmCopy = atExit(() => {
    child?.kill('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  });
  try {
    const { bytes } = await baseBackup(o.primaryUrl, primaryDataDir, dir);
    const conninfo = Object.entries({
      host: '127.0.0.1', port: primary.port || '5432', user: decodeURIComponent(primary.username || 'postgres'),
      ...(primary.password ? { password: decodeURIComponent(primary.password) } : {}), application_name: slot,
    }).map(([k, v]) => `${k}='${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(' ');
    // In a file of mode 600 rather than on the command line, where ps would show the password.
    const confString = conninfo.replace(/\\/g, '\\\\').replace(/'/g, "''");
    await fs.appendFile(path.join(dir, 'postgresql.auto.conf'), `\nprimary_conninfo = '${confString}'\nprimary_slot_name = '${slot}'\n`);
    await fs.writeFile(path.join(dir, 'standby.signal'), '');
    await chownRecursive(runAs, dir);
    child = await launch(bin, dir, port, runAs);
    const url = new URL(o.primaryUrl);
    url.port = String(port);
    const replicaUrl = url.toString();
    const caughtUp = await waitForReplay(o.primaryUrl, replicaUrl, o.catchUpTimeoutMs ?? 120_000);
    const { serverVersion } = await checkPostgres(replicaUrl);
    o.log(`replica: streaming standby on 127.0.0.1:${port} (base copy ${(bytes / 1e6).toFixed(0)} MB, replayed to ${caughtUp} in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    disarmCopy();
    return handle(child, { bin, dir, port, runAs, slot, replicaUrl, serverVersion, dropSlot });
  } catch (err) {
    if (child) await stopChild(child);
    await dropSlot();
    await fs.rm(dir, { recursive: true, force: true });
    disarmCopy();
    throw err instanceof ScaleproofError ? err : new ScaleproofError('SP_REPLICA', `the read replica did not start: ${(err as Error).message}. Set DATABASE_REPLICA_URL, or run with --replica off.`, {}, { cause: err });
  }
}

function handle(first: ChildProcess, s: { bin: string; dir: string; port: number; runAs: RunAs | undefined; slot: string; replicaUrl: string; serverVersion: string; dropSlot: () => Promise<unknown> }): ReplicaHandle {
  let child = first;
  let stopped = false;
  // Exiting without stop(): the standby gets a fast shutdown request and its copy of the data is removed.
  const disarm = atExit(() => {
    child.kill('SIGINT');
    rmSync(s.dir, { recursive: true, force: true });
  });
  return {
    kind: 'spawned',
    url: s.replicaUrl,
    serverVersion: s.serverVersion,
    applicationName: s.slot,
    get pid() {
      return child.pid;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      disarm();
      await stopChild(child);
      await s.dropSlot();
      await fs.rm(s.dir, { recursive: true, force: true });
    },
    outage: {
      method: "fast shutdown of the harness's standby, then a start on the same port and data directory (it catches up from its slot)",
      down: () => stopChild(child),
      up: async () => {
        if (!stopped) child = await launch(s.bin, s.dir, s.port, s.runAs);
      },
    },
  };
}

async function chownRecursive(runAs: RunAs | undefined, dir: string): Promise<void> {
  if (!runAs) return;
  await chownTo(runAs, dir);
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    await chownTo(runAs, path.join(entry.parentPath, entry.name));
  }
}

/** The standby's settings: those that must be >= the primary's are its defaults or the embedded primary's. */
function standbyFlags(port: number): string[] {
  const c = (kv: string) => ['-c', kv];
  return ['-D', '', '-p', String(port), ...c('listen_addresses=127.0.0.1'), ...c('unix_socket_directories='), ...c('max_connections=200'),
    ...c('shared_buffers=256MB'), ...c('hot_standby=on'), ...c('hot_standby_feedback=on'), ...c('shared_preload_libraries=pg_stat_statements')];
}

/** Starts the standby and resolves once it accepts read-only connections. */
async function launch(bin: string, dir: string, port: number, runAs: RunAs | undefined): Promise<ChildProcess> {
  const args = standbyFlags(port);
  args[1] = dir;
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(runAs ?? {}) });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => {
      out = (out + b.toString()).slice(-20_000);
      if (out.includes('ready to accept read-only connections')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new ScaleproofError('SP_REPLICA', `the standby exited with code ${code} before it accepted connections: ${out.trim().split('\n').slice(-4).join(' | ')}`)));
    child.once('error', reject);
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGINT'); // fast shutdown
  await exited;
}
