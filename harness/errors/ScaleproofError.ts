/*
 * Coded errors (fastify-style registry): callers and tests match on `code`, users read a message that
 * says the fix. `exitCode` is what a CLI exits with when this error reaches it.
 */
export const errorCodes = {
  SP_USAGE: { exitCode: 2, summary: 'bad command-line usage' },
  SP_CONFIG: { exitCode: 2, summary: 'bad configuration' },
  SP_DB_UNREACHABLE: { exitCode: 2, summary: 'Postgres could not be reached' },
  SP_DB_AUTH: { exitCode: 2, summary: 'Postgres refused the credentials' },
  SP_REDIS_UNREACHABLE: { exitCode: 2, summary: 'Redis could not be reached' },
  SP_EMBEDDED_PG: { exitCode: 1, summary: 'embedded Postgres failed to start' },
  SP_POOLER: { exitCode: 1, summary: 'the connection pooler (pgBouncer) failed to start or cannot be used' },
  SP_REPLICA: { exitCode: 1, summary: 'the read replica failed to start, to catch up, or cannot be used' },
  SP_THRESHOLD_INVALID: { exitCode: 2, summary: 'a threshold is malformed or names an unknown metric or tag' },
  SP_K6_MISSING: { exitCode: 2, summary: 'k6 binary not found' },
  SP_K6_FAILED: { exitCode: 1, summary: 'k6 exited with an error that is not a threshold verdict' },
  SP_SUT_START: { exitCode: 1, summary: 'the API under test did not start' },
  SP_SEED_FAILED: { exitCode: 1, summary: 'seeding failed' },
  SP_SUMMARY_INVALID: { exitCode: 2, summary: 'summary.json is missing, unreadable or not a run summary' },
  SP_SUMMARY_VERSION: { exitCode: 2, summary: 'summary.json was written by an incompatible schema version' },
  SP_SHARD_MISSING: { exitCode: 2, summary: 'a k6 shard (points.ndjson) or one segment of the test is missing' },
  SP_SHARD_TRUNCATED: { exitCode: 2, summary: 'a k6 shard ends mid-line or holds a line that is not a k6 record' },
  SP_SHARD_OTHER_TEST: { exitCode: 2, summary: 'a k6 shard comes from another test (script hash or segment sequence differ)' },
  SP_SHARD_DUPLICATE: { exitCode: 2, summary: 'two k6 shards hold the same execution segment' },
  SP_K6_API: { exitCode: 1, summary: "a k6 instance's REST API did not answer (start or resume failed)" },
  SP_INTERNAL: { exitCode: 1, summary: 'unexpected failure' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class ScaleproofError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly context: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, context: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScaleproofError';
    this.code = code;
    this.exitCode = errorCodes[code].exitCode;
    this.context = context;
  }
}

export function isScaleproofError(err: unknown, code?: ErrorCode): err is ScaleproofError {
  return err instanceof ScaleproofError && (code === undefined || err.code === code);
}
