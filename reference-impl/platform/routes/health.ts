/*
 * GET /health: Postgres (and replica) and the cache store, each with its latency. Redis down is "degraded"
 * (200: reads fail open to Postgres); Postgres down is 503 (nothing can be served or stored).
 */
import type { FastifyInstance } from 'fastify';
import type { PlatformParts } from '../PlatformParts.ts';
import type { Database } from '../db/Database.ts';
import { errorText } from '../log/ApiLogger.ts';

interface Check {
  status: 'up' | 'down' | 'degraded';
  latencyMs: number;
  error?: string;
  kind?: string;
}

async function timed(fn: () => Promise<unknown>): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const t0 = performance.now();
  try {
    await fn();
    return { ok: true, latencyMs: round(performance.now() - t0) };
  } catch (err) {
    return { ok: false, latencyMs: round(performance.now() - t0), error: errorText(err) };
  }
}

/** A named statement: parsed once per connection like the hot queries. */
const HEALTH_QUERY = { name: 'sp_health', text: 'SELECT 1 AS ok' };

const round = (ms: number) => Math.round(ms * 100) / 100;

async function checkDb(db: Database): Promise<Check> {
  const r = await timed(() => db.query(HEALTH_QUERY));
  return r.ok ? { status: 'up', latencyMs: r.latencyMs } : { status: 'down', latencyMs: r.latencyMs, error: r.error ?? 'unknown' };
}

export function healthRoute(app: FastifyInstance, parts: PlatformParts): void {
  app.get('/health', async (_request, reply) => {
    const [postgres, replica, cache] = await Promise.all([
      checkDb(parts.db),
      parts.replicaDb ? checkDb(parts.replicaDb) : Promise.resolve(undefined),
      timed(() => parts.store.ping()),
    ]);
    const redis: Check = cache.ok
      ? { status: 'up', latencyMs: cache.latencyMs, kind: parts.store.kind }
      : { status: 'degraded', latencyMs: cache.latencyMs, kind: parts.store.kind, error: cache.error ?? 'unknown' };
    const pgDown = postgres.status === 'down';
    const status = pgDown ? 'down' : redis.status !== 'up' || replica?.status === 'down' ? 'degraded' : 'ok';
    return reply.code(pgDown ? 503 : 200).send({
      status,
      postgres,
      ...(replica ? { replica } : {}),
      redis,
      ...(parts.buffers.size ? { writeBuffer: writeBufferDepths(parts) } : {}),
    });
  });
}

/** Total depth (what a drain must write) and each buffer's own. */
function writeBufferDepths(parts: PlatformParts): { depth: number; buffers: Record<string, number> } {
  const buffers = Object.fromEntries([...parts.buffers].map(([name, b]) => [name, b.depth]));
  return { depth: Object.values(buffers).reduce((a, b) => a + b, 0), buffers };
}
