/*
 * Runs one workload variant's API as a process (`pnpm api <workload> [--variant v]`, scripts/api.ts): checks
 * Postgres, applies the variant's migrations in its own schema (idempotent; SCALEPROOF_MIGRATE_ON_START=0 to
 * require them done), builds the app on the platform, listens.
 *
 * Prints exactly one line "scaleproof api listening on http://HOST:PORT" (the bound port) when it accepts
 * requests; harnesses wait for that line. SIGTERM/SIGINT: stop accepting, finish in-flight requests, flush
 * every write buffer completely, exit 0. A second signal exits 1 at once, saying how many writes were unwritten.
 */
import type { EnvValue } from '../../harness/config/EnvVarSpec.ts';
import { migrate } from '../../harness/migrate/migrate.ts';
import { checkPostgres } from '../../harness/services/checkPostgres.ts';
import { redactText } from '../../harness/services/redactUrl.ts';
import type { ApiConfig } from './apiConfig.ts';
import { buildApp } from './buildApp.ts';
import type { WorkloadPlugin } from './WorkloadPlugin.ts';

export interface ServeOptions {
  /** Already scoped to the variant's schema (withSchema). */
  config: ApiConfig;
  plugin: WorkloadPlugin;
  variant: string;
  migrations: readonly string[];
  settings: Readonly<Record<string, EnvValue>>;
  /** Where the one "listening" line and shutdown notes go. */
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

export async function serve(o: ServeOptions): Promise<void> {
  const { config } = o;
  const out = o.out ?? process.stdout;
  const err = o.err ?? process.stderr;
  const secrets = [config.databaseUrl, config.databaseReplicaUrl, config.redisUrl];
  await checkPostgres(config.databaseUrl);
  if (config.migrateOnStart) await migrate(config.databaseUrl, o.migrations);

  const app = await buildApp(config, o.plugin, { settings: o.settings, variant: o.variant });
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  out.write(`scaleproof api listening on http://${host}:${port}\n`);

  const pending = () => [...app.scaleproof.buffers.values()].reduce((n, b) => n + b.depth, 0);
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) {
      err.write(`scaleproof api: second ${signal}, exiting now; ${pending()} accepted writes were NOT stored\n`);
      process.exit(1);
    }
    closing = true;
    err.write(`scaleproof api: ${signal}, draining requests and flushing ${pending()} buffered writes\n`);
    app.close().then(
      () => process.exit(0),
      (e: unknown) => {
        err.write(`scaleproof api: shutdown failed: ${redactText(String((e as Error)?.message ?? e), secrets)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
