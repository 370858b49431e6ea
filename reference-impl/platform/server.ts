/*
 * The API process (`pnpm api`): configuration from the environment (DATABASE_URL, DATABASE_REPLICA_URL,
 * REDIS_URL, PORT (0 = any free port), HOST, SCALEPROOF_*; see harness/config/readEnv.ts), migrations
 * (idempotent, on by default, SCALEPROOF_MIGRATE_ON_START=0 to require them done), then listen.
 *
 * Prints exactly one line "scaleproof api listening on http://HOST:PORT" (the bound port) when it accepts
 * requests; harnesses wait for that line. SIGTERM/SIGINT: stop accepting, finish in-flight requests, flush
 * the write buffer completely, exit 0. A second signal exits 1 at once, saying how many events were unwritten.
 */
import { readEnv } from '../../harness/config/readEnv.ts';
import { isScaleproofError, ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { migrate } from '../../harness/migrate/migrate.ts';
import { checkPostgres } from '../../harness/services/checkPostgres.ts';
import { redactText } from '../../harness/services/redactUrl.ts';
import type { ApiConfig } from './apiConfig.ts';
import { buildApp } from './buildApp.ts';

async function main(): Promise<void> {
  const env = readEnv(process.env);
  if (!env.databaseUrl) {
    throw new ScaleproofError('SP_CONFIG', 'DATABASE_URL is not set; point it at Postgres (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
  }
  const config: ApiConfig = { ...env.api, databaseUrl: env.databaseUrl, databaseReplicaUrl: env.databaseReplicaUrl, redisUrl: env.redisUrl };
  await checkPostgres(config.databaseUrl);
  if (config.migrateOnStart) await migrate(config.databaseUrl);

  const app = await buildApp(config);
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  process.stdout.write(`scaleproof api listening on http://${host}:${port}\n`);

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) {
      process.stderr.write(`scaleproof api: second ${signal}, exiting now; ${app.scaleproof.buffer.depth} accepted events were NOT written\n`);
      process.exit(1);
    }
    closing = true;
    process.stderr.write(`scaleproof api: ${signal}, draining requests and flushing ${app.scaleproof.buffer.depth} buffered events\n`);
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`scaleproof api: shutdown failed: ${redactText(String((err as Error)?.message ?? err), [config.databaseUrl, config.redisUrl])}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  const message = redactText(String((err as Error)?.message ?? err), [process.env.DATABASE_URL, process.env.REDIS_URL, process.env.DATABASE_REPLICA_URL]);
  process.stderr.write(`scaleproof api: ${message.split('\n')[0]}\n`);
  process.exit(isScaleproofError(err) ? err.exitCode : 1);
});
