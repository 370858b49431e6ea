/*
 * Redis for a run: REDIS_URL when set; else redis-server from PATH on a free port with no persistence;
 * else an in-process cache inside the API (announced loudly and recorded in every summary, because its
 * numbers are not Redis numbers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { freePort } from './freePort.ts';
import { findOnPath } from './findOnPath.ts';
import { redactUrl } from './redactUrl.ts';
import type { Log, ServiceHandle } from './ServiceHandle.ts';
import { atExit } from '../run/exitHooks.ts';

export type RedisHandle = ServiceHandle<'external' | 'spawned' | 'in-process'> & { serverVersion?: string | undefined };

export async function checkRedis(url: string, timeoutMs = 3000): Promise<{ serverVersion: string }> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => undefined); // reported through connect() below
  try {
    await client.connect();
    const info = await client.info('server');
    return { serverVersion: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown' };
  } catch (err) {
    throw new ScaleproofError('SP_REDIS_UNREACHABLE', `Redis at ${redactUrl(url)} is unreachable (${(err as Error).message}); start it or fix REDIS_URL (unset it to let scaleproof start redis-server).`, {}, { cause: err });
  } finally {
    client.disconnect();
  }
}

export async function startRedis(opts: { redisUrl?: string | undefined; log: Log; redisServerBin?: string | undefined; pathVar: string | undefined }): Promise<RedisHandle> {
  if (opts.redisUrl) {
    const { serverVersion } = await checkRedis(opts.redisUrl);
    return { kind: 'external', url: opts.redisUrl, serverVersion, stop: async () => undefined };
  }
  const bin = opts.redisServerBin ?? (await findOnPath('redis-server', opts.pathVar));
  if (!bin) {
    opts.log('WARNING: no REDIS_URL and no redis-server on PATH: the API will use an IN-PROCESS cache. Cache numbers are not Redis numbers; install redis-server or set REDIS_URL.');
    return { kind: 'in-process', url: undefined, stop: async () => undefined };
  }
  return spawnRedis(bin, opts.log);
}

export async function spawnRedis(bin: string, log: Log): Promise<RedisHandle> {
  const port = await freePort();
  let child = await launchRedis(bin, port);
  const url = `redis://127.0.0.1:${port}`;
  const { serverVersion } = await checkRedis(url);
  log(`redis-server ${serverVersion} started on 127.0.0.1:${port} (no persistence)`);
  let stopped = false;
  // Safety net for a harness that exits without stopping it (an uncaught error, a forced exit).
  const disarm = atExit(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  return {
    kind: 'spawned',
    url,
    serverVersion,
    get pid() {
      return child.pid;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      disarm();
      await kill('SIGTERM');
    },
    outage: {
      method: "SIGKILL of the harness's own redis-server (clients see refused connections), then a fresh one on the same port: the cache comes back empty",
      down: () => kill('SIGKILL'),
      up: async () => {
        if (stopped) return;
        child = await launchRedis(bin, port);
      },
    },
  };
}

/** Starts redis-server on `port` and resolves once it accepts connections. */
async function launchRedis(bin: string, port: number): Promise<ChildProcess> {
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('Ready to accept connections')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new ScaleproofError('SP_REDIS_UNREACHABLE', `redis-server exited with code ${code} before it was ready: ${out.trim().split('\n').slice(-3).join(' | ')}`)));
    child.once('error', reject);
  });
  return child;
}
