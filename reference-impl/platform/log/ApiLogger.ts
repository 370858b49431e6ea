/*
 * The small logging interface background work depends on (not the whole pino type). With the Fastify logger
 * off (benchmarks), failures still reach stderr: they are never swallowed.
 */
import type { FastifyBaseLogger } from 'fastify';

export interface ApiLogger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string, err?: unknown): void;
}

export function fromFastifyLogger(log: FastifyBaseLogger): ApiLogger {
  return {
    info: (msg) => log.info(msg),
    warn: (msg) => log.warn(msg),
    error: (msg, err) => (err === undefined ? log.error(msg) : log.error({ err }, msg)),
  };
}

/** Used when the Fastify logger is off: info is dropped, warnings and errors go to stderr. */
export const stderrLogger: ApiLogger = {
  info: () => undefined,
  warn: (msg) => process.stderr.write(`[api] WARN ${msg}\n`),
  error: (msg, err) => process.stderr.write(`[api] ERROR ${msg}${err === undefined ? '' : `: ${errorText(err)}`}\n`),
};

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
