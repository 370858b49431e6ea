/*
 * Builds the reference API for seed 000 (Fastify): public PIN pages cached in Redis with ETags, analytics
 * dashboards from the rollup, batched analytics writes, health and Prometheus metrics, and the background
 * partition/rollup maintenance. It does not listen (server.ts does) and does not migrate (server.ts may):
 * route tests drive it with app.inject.
 *
 * Lifecycle: background work starts on ready (partition maintenance runs once first); close() stops taking
 * requests, lets in-flight ones finish (Fastify closes the server before onClose hooks run), then flushes the
 * write buffer completely, stops the timers and closes Redis and the pools.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { ApiConfig } from './apiConfig.ts';
import type { AppParts } from './AppParts.ts';
import { CacheLayer } from './cache/CacheLayer.ts';
import type { CacheStore } from './cache/CacheStore.ts';
import { MemoryStore } from './cache/MemoryStore.ts';
import { RedisStore } from './cache/RedisStore.ts';
import { createPool } from './db/createPool.ts';
import { Database } from './db/Database.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './errors/errorHandler.ts';
import { fromFastifyLogger, stderrLogger, type ApiLogger } from './log/ApiLogger.ts';
import { maintainPartitions } from '../analytics/maintenance/maintainPartitions.ts';
import { PeriodicTask } from './maintenance/PeriodicTask.ts';
import { refreshRollup } from '../analytics/maintenance/refreshRollup.ts';
import { createMetrics } from './metrics/createMetrics.ts';
import { healthRoute } from './routes/health.ts';
import { metricsRoute } from './routes/metrics.ts';
import { pinAnalyticsRoute } from '../analytics/routes/pinAnalytics.ts';
import { pinEventsRoute } from '../analytics/routes/pinEvents.ts';
import { pinPublicRoute } from '../analytics/routes/pinPublic.ts';
import { usersRoute } from '../analytics/routes/users.ts';
import { copyEvents } from '../analytics/writeBuffer/copyEvents.ts';
import { WriteBuffer } from './writeBuffer/WriteBuffer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    scaleproof: AppParts;
  }
}

export interface AppDeps {
  /** A store the caller owns (not closed by the app); default: Redis at config.redisUrl, else in-process. */
  store?: CacheStore;
  log?: ApiLogger;
}

const DAY_MS = 86_400_000;

export async function buildApp(config: ApiConfig, deps: AppDeps = {}): Promise<FastifyInstance> {
  const cfg = Object.freeze({ ...config });
  const app = Fastify({
    logger: cfg.logLevel === 'silent' ? false : { level: cfg.logLevel },
    logController: new LogController({ disableRequestLogging: true }), // no per-request log lines
    bodyLimit: cfg.bodyLimitBytes,
    // Strict types: "event_type": ["view"] or 1 is an error, not silently coerced.
    ajv: { customOptions: { coerceTypes: false } },
    frameworkErrors,
    clientErrorHandler,
    // While draining, requests already on a connection are served normally (Fastify adds Connection: close):
    // a POST then still gets its 202 and its event is in the final flush, and every error keeps our shape.
    return503OnClosing: false,
  });
  const log = deps.log ?? (cfg.logLevel === 'silent' ? stderrLogger : fromFastifyLogger(app.log));

  const databases: Database[] = [];
  const metrics = createMetrics({
    pools: () => databases.map((d) => ({ name: d.name, stats: d.stats })),
    bufferDepth: () => buffer.depth, // read at scrape time, after `buffer` exists
  });
  const openDatabase = (name: string, url: string) => {
    const pool = createPool({ url, name, max: cfg.pgPoolMax, statementTimeoutMs: cfg.statementTimeoutMs, log, onIdleError: () => metrics.dbIdleError(name) });
    const db = new Database(name, pool, metrics.dbQueryCounter(name));
    databases.push(db);
    return db;
  };
  const db = openDatabase('primary', cfg.databaseUrl);
  const replicaDb = cfg.databaseReplicaUrl ? openDatabase('replica', cfg.databaseReplicaUrl) : undefined;

  const ownsStore = deps.store === undefined;
  const store: CacheStore = deps.store
    ?? (cfg.redisUrl ? new RedisStore({ url: cfg.redisUrl, log, onStateChange: metrics.cacheStoreUp }) : new MemoryStore());
  metrics.cacheStoreUp(store.available);
  if (store.kind === 'memory') log.warn('no REDIS_URL: caching in-process (MemoryStore); cache numbers are not Redis numbers');
  const cache = new CacheLayer({ store, prefix: cfg.redisKeyPrefix, events: metrics.cacheEvents, log });

  const buffer = new WriteBuffer({
    flushIntervalMs: cfg.flushIntervalMs,
    flushMaxEvents: cfg.flushMaxEvents,
    maxEvents: cfg.bufferMaxEvents,
    write: (batch) => copyEvents(db, batch),
    events: metrics.bufferEvents,
    log,
  });

  const partitions = new PeriodicTask({
    name: 'partitions',
    intervalMs: DAY_MS,
    retryAfterFailureMs: 60_000,
    run: async () => {
      const c = await maintainPartitions(db, cfg.partitionMonthsAhead, cfg.partitionRetentionMonths);
      if (c.created.length || c.dropped.length) log.info(`partitions: created [${c.created.join(', ')}], dropped [${c.dropped.join(', ')}]`);
    },
    onRun: (ok) => metrics.backgroundRun('partitions', ok),
    log,
  });
  const rollup = cfg.mvRefreshIntervalS > 0
    ? new PeriodicTask({
        name: 'rollup_refresh',
        intervalMs: cfg.mvRefreshIntervalS * 1000,
        run: () => refreshRollup(db),
        onRun: (ok) => metrics.backgroundRun('rollup_refresh', ok),
        log,
      })
    : undefined;

  const parts: AppParts = { config: cfg, db, readDb: replicaDb ?? db, replicaDb, store, cache, buffer, metrics, log, tasks: { partitions, rollup } };
  app.decorate('scaleproof', parts);

  installErrorHandling(app, log);
  // Only JSON bodies are accepted: without Fastify's default text parser, text/plain gets 415.
  app.removeContentTypeParser('text/plain');
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  pinPublicRoute(app, parts);
  pinAnalyticsRoute(app, parts);
  pinEventsRoute(app, parts);
  usersRoute(app, parts);
  healthRoute(app, parts);
  metricsRoute(app, parts);

  app.addHook('onReady', async () => {
    // The current month's partition before the first event; a failure is logged, counted and retried soon.
    const ok = await partitions.runNow();
    partitions.start(ok ? undefined : 60_000);
    rollup?.start();
    buffer.start();
  });
  app.addHook('onClose', async () => {
    await Promise.all([partitions.stop(), rollup?.stop()]);
    const pending = buffer.depth;
    await buffer.close();
    if (pending > 0) log.info(`write buffer: flushed ${pending} events on close`);
    if (ownsStore) await store.close();
    await Promise.all(databases.map((d) => d.end()));
  });
  return app;
}
