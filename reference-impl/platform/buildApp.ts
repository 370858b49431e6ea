/*
 * Builds a workload's API on the shared platform (Fastify): pools (primary, optional replica), the cache layer
 * (Redis, else in-process), Prometheus metrics, error handling, /health and /metrics, and the lifecycle of
 * the write buffers and periodic tasks the workload registers. The workload's routes come from its plugin,
 * registered in its own scope (fastify's encapsulation). It does not listen (server.ts does) and does not
 * migrate (server.ts may): route tests drive it with app.inject.
 *
 * Lifecycle: on ready, `runFirst` tasks run once (a failure is logged, counted and retried soon), then every
 * task and buffer starts. close() stops taking requests, lets in-flight ones finish (Fastify closes the server
 * before onClose hooks run), stops the tasks, flushes every write buffer completely, and closes Redis and the
 * pools.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { EnvValue } from '../../harness/config/EnvVarSpec.ts';
import type { ApiConfig } from './apiConfig.ts';
import { CacheLayer } from './cache/CacheLayer.ts';
import type { CacheStore } from './cache/CacheStore.ts';
import { MemoryStore } from './cache/MemoryStore.ts';
import { RedisStore } from './cache/RedisStore.ts';
import { createPool } from './db/createPool.ts';
import { Database } from './db/Database.ts';
import { FallbackDatabase } from './db/FallbackDatabase.ts';
import { requestQueries, type RequestQueries } from './db/requestQueries.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './errors/errorHandler.ts';
import { fromFastifyLogger, stderrLogger, type ApiLogger } from './log/ApiLogger.ts';
import { createMetrics } from './metrics/createMetrics.ts';
import type { PlatformParts } from './PlatformParts.ts';
import { healthRoute } from './routes/health.ts';
import { metricsRoute } from './routes/metrics.ts';
import { statementsRoute } from './routes/statements.ts';
import { StatementSampler } from './db/StatementSampler.ts';
import type { WorkloadPlugin } from './WorkloadPlugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    scaleproof: PlatformParts;
  }
}

export interface AppDeps {
  /** A store the caller owns (not closed by the app); default: Redis at config.redisUrl, else in-process. */
  store?: CacheStore;
  log?: ApiLogger;
  /** The workload's settings by variable name (validated by readEnv); missing ones take the plugin's defaults. */
  settings?: Readonly<Record<string, EnvValue>>;
  /** The variant this process serves (for /health and logs). */
  variant?: string;
}

const RETRY_FIRST_RUN_MS = 60_000;

export async function buildApp(config: ApiConfig, plugin: WorkloadPlugin, deps: AppDeps = {}): Promise<FastifyInstance> {
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
    // a POST then still gets its 2xx and its write is in the final flush, and every error keeps our shape.
    return503OnClosing: false,
  });
  const log = deps.log ?? (cfg.logLevel === 'silent' ? stderrLogger : fromFastifyLogger(app.log));

  const databases: Database[] = [];
  const statementScopes = new WeakMap<object, RequestQueries>();
  const buffers: PlatformParts['buffers'] = new Map();
  const tasks: PlatformParts['tasks'] = new Map();
  const metrics = createMetrics({
    pools: () => databases.map((d) => ({ name: d.name, stats: d.stats })),
    bufferDepth: () => [...buffers.values()].reduce((n, b) => n + b.depth, 0), // read at scrape time
    keyFamilies: plugin.keyFamilies,
  });
  const sampler = new StatementSampler();
  const openDatabase = (name: string, url: string) => {
    const pool = createPool({ url, name, max: cfg.pgPoolMax, statementTimeoutMs: cfg.statementTimeoutMs, log, onIdleError: () => metrics.dbIdleError(name), sampler,
      namedStatements: cfg.pgNamedStatements,
    });
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

  const parts: PlatformParts = {
    config: cfg, settings: Object.freeze({ ...deps.settings }), variant: deps.variant ?? 'optimized',
    // Replica reads fall back to the primary while the replica cannot serve (no 5xx for a replica outage).
    db, readDb: replicaDb ? new FallbackDatabase({ replica: replicaDb, primary: db, log }) : db, replicaDb, store, cache, metrics, log, buffers, tasks,
  };
  app.decorate('scaleproof', parts);

  installErrorHandling(app, log);
  // Only JSON bodies are accepted: without Fastify's default text parser, text/plain gets 415.
  app.removeContentTypeParser('text/plain');
  // Each request runs in its own statement-count scope (AsyncLocalStorage.run around the rest of the chain, the
  // pattern @fastify/request-context uses), so queries per request can be reported per route. The scope survives
  // body parsing (test/reference-impl/routeStatements.test.ts posts 300 kB bodies over real HTTP).
  app.addHook('onRequest', (request, _reply, done) => {
    const scope: RequestQueries = { statements: 0 };
    statementScopes.set(request, scope);
    requestQueries.run(scope, done);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    metrics.observeRouteStatements(`${request.method} ${route}`, statementScopes.get(request)?.statements ?? 0);
    done();
  });
  healthRoute(app, parts);
  metricsRoute(app, parts);
  statementsRoute(app, sampler);
  await app.register(plugin.register, { parts });

  app.addHook('onReady', async () => {
    for (const { task, runFirst } of tasks.values()) {
      const ok = runFirst ? await task.runNow() : true;
      task.start(ok ? undefined : RETRY_FIRST_RUN_MS);
    }
    for (const buffer of buffers.values()) buffer.start();
  });
  app.addHook('onClose', async () => {
    await Promise.all([...tasks.values()].map(({ task }) => task.stop()));
    for (const [name, buffer] of buffers) {
      const pending = buffer.depth;
      await buffer.close();
      if (pending > 0) log.info(`write buffer ${name}: flushed ${pending} writes on close`);
    }
    if (ownsStore) await store.close();
    await Promise.all(databases.map((d) => d.end()));
  });
  return app;
}
