/*
 * The connection pooler in front of Postgres for a pooled run (seed 000/001/004: pgBouncer in transaction mode;
 * seed 003's Supavisor is stood in for by pgBouncer): PGBOUNCER_URL when set; else pgbouncer from PATH, started
 * on a free port with one alias per schema (pgBouncerConfig.ts); else none, said loudly and recorded, and the
 * run goes direct. What the pooler supports decides whether the API may name its statements: pgBouncer keeps
 * protocol-level prepared statements in transaction mode only from 1.21 (max_prepared_statements).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { findOnPath } from './findOnPath.ts';
import { freePort } from './freePort.ts';
import { pgBouncerConfig, pgBouncerUserlist } from './pgBouncerConfig.ts';
import { redactUrl } from './redactUrl.ts';
import { chownTo, postgresUser } from './runAsPostgresUser.ts';
import type { Log, ServiceHandle } from './ServiceHandle.ts';
import { atExit } from '../run/exitHooks.ts';

export interface PoolerFacts {
  kind: 'spawned' | 'external' | 'none';
  /** e.g. "PgBouncer 1.18.0"; undefined when an external one's admin console did not answer. */
  version?: string | undefined;
  mode?: 'transaction' | undefined;
  /** Server connections per alias (the harness's own pgBouncer); undefined when external. */
  poolSize?: number | undefined;
  /** Whether the API may use named statements through it. */
  namedStatements: boolean;
}

export type PoolerHandle = ServiceHandle<PoolerFacts['kind']> & PoolerFacts & {
  /** The URL clients use for one schema's alias; undefined when there is no pooler. */
  urlFor(schema: string): string | undefined;
};

export interface StartPoolerOptions {
  pgbouncerUrl?: string | undefined;
  /** The Postgres to pool (its database, user and password are used). */
  serverUrl: string;
  /** One alias each. */
  schemas: readonly string[];
  pathVar: string | undefined;
  statementTimeoutMs: number;
  poolSize?: number | undefined;
  log: Log;
  pgbouncerBin?: string | undefined;
}

const DEFAULT_POOL_SIZE = 20;
/** Under the common 1024-descriptor soft limit with room for the server side. */
const MAX_CLIENT_CONN = 800;
const FIRST_WITH_PREPARED = [1, 21];

export async function startPooler(o: StartPoolerOptions): Promise<PoolerHandle> {
  if (o.pgbouncerUrl) return external(o.pgbouncerUrl, o.log);
  const bin = o.pgbouncerBin ?? (await findOnPath('pgbouncer', o.pathVar));
  if (!bin) {
    o.log('WARNING: no PGBOUNCER_URL and no pgbouncer on PATH: the API connects to Postgres DIRECTLY (no pooler). Install pgbouncer (apt-get install pgbouncer) or set PGBOUNCER_URL.');
    return { kind: 'none', namedStatements: true, url: undefined, urlFor: () => undefined, stop: async () => undefined };
  }
  return spawnPgBouncer(bin, o);
}

/** "PgBouncer 1.18.0" -> supports named statements in transaction mode? */
export function keepsPreparedStatements(version: string | undefined): boolean {
  const m = /(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > FIRST_WITH_PREPARED[0]! || (major === FIRST_WITH_PREPARED[0] && minor >= FIRST_WITH_PREPARED[1]!);
}

function aliasUrl(base: string, alias: string): string {
  const u = new URL(base);
  u.pathname = `/${alias}`;
  u.search = '';
  return u.toString();
}

/** SHOW VERSION on pgBouncer's admin console (simple protocol only). */
async function adminVersion(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: aliasUrl(url, 'pgbouncer'), connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const r = await client.query<{ version: string }>('SHOW VERSION');
    return r.rows[0]?.version;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function external(url: string, log: Log): Promise<PoolerHandle> {
  const version = await adminVersion(url);
  // An external pgBouncer may still have max_prepared_statements = 0: named statements only when we can tell.
  const namedStatements = false;
  log(`pooler: PGBOUNCER_URL ${redactUrl(url)} (${version ?? 'version unknown: its admin console did not answer'}); the API sends statements unnamed`);
  return { kind: 'external', version, mode: 'transaction', namedStatements, url, urlFor: (schema) => aliasUrl(url, schema), stop: async () => undefined };
}

async function spawnPgBouncer(bin: string, o: StartPoolerOptions): Promise<PoolerHandle> {
  const { stdout } = await promisify(execFile)(bin, ['--version']);
  const version = /PgBouncer [\d.]+/.exec(stdout)?.[0] ?? stdout.split('\n')[0]!.trim();
  const namedStatements = keepsPreparedStatements(version);
  const runAs = await postgresUser();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scaleproof-pgbouncer-'));
  const port = await freePort();
  const clientUser = decodeURIComponent(new URL(o.serverUrl).username || 'postgres');
  const clientPassword = crypto.randomBytes(12).toString('hex'); // this pgBouncer's own, never printed
  const poolSize = o.poolSize ?? DEFAULT_POOL_SIZE;
  const ini = path.join(dir, 'pgbouncer.ini');
  const authFile = path.join(dir, 'userlist.txt');
  await fs.writeFile(authFile, pgBouncerUserlist(clientUser, clientPassword), { mode: 0o600 });
  await fs.writeFile(ini, pgBouncerConfig({
    serverUrl: o.serverUrl, aliases: o.schemas.map((s) => ({ alias: s, schema: s })), port, authFile, clientUser, poolSize,
    maxClientConn: MAX_CLIENT_CONN, statementTimeoutMs: o.statementTimeoutMs, maxPreparedStatements: namedStatements ? 200 : 0,
  }), { mode: 0o600 });
  await chownTo(runAs, dir, ini, authFile);
  let child: ChildProcess;
  try {
    child = await launch(bin, ini, runAs);
  } catch (err) {
    await fs.rm(dir, { recursive: true, force: true });
    throw err;
  }
  const base = `postgres://${encodeURIComponent(clientUser)}:${clientPassword}@127.0.0.1:${port}/pgbouncer`;
  o.log(`pooler: ${version} on 127.0.0.1:${port}, transaction mode, ${poolSize} server connections per schema; ` +
    (namedStatements ? 'named statements kept (max_prepared_statements)' : 'the API sends statements unnamed (this pgBouncer keeps no prepared statements in transaction mode)'));
  let stopped = false;
  const disarm = atExit(() => child.kill('SIGTERM'));
  return {
    kind: 'spawned', version, mode: 'transaction', poolSize, namedStatements, url: base, pid: child.pid,
    urlFor: (schema) => aliasUrl(base, schema),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      disarm();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM'); // immediate shutdown: clients are gone by now
        await exited;
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Starts pgbouncer in the foreground and resolves once it listens ("process up" on stderr). */
async function launch(bin: string, ini: string, runAs: { uid: number; gid: number } | undefined): Promise<ChildProcess> {
  const child = spawn(bin, [ini], { stdio: ['ignore', 'pipe', 'pipe'], ...(runAs ?? {}) });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.length > 20_000) out = out.slice(-10_000);
      if (out.includes('process up')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new ScaleproofError('SP_POOLER', `pgbouncer exited with code ${code} before it listened: ${out.trim().split('\n').slice(-3).join(' | ')}. Check that the 'postgres' user can run it, or set PGBOUNCER_URL.`)));
    child.once('error', (err) => reject(new ScaleproofError('SP_POOLER', `pgbouncer could not be started: ${err.message}`, {}, { cause: err })));
  });
  // Keep draining its log so a full pipe never blocks it.
  child.stdout!.resume();
  child.stderr!.resume();
  return child;
}
