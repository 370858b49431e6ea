/*
 * The one place that reads the environment (zx's resolveDefaults(defs, prefix, env)): it takes `env` as an
 * argument so tests pass a fake one, reads only the variables declared by the platform (platformEnv.ts) and by
 * the workload being run (Workload.env), validates them, and freezes the result.
 */
import path from 'node:path';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import type { EnvValue, EnvVarSpec } from './EnvVarSpec.ts';
import { LOG_LEVELS, platformEnv, urlVariables } from './platformEnv.ts';

export type LogLevel = (typeof LOG_LEVELS)[number];

/** The API platform's settings as read from the environment (reference-impl/platform/apiConfig.ts). */
export interface PlatformSettings {
  host: string;
  port: number;
  redisKeyPrefix: string;
  pgPoolMax: number;
  statementTimeoutMs: number;
  /** False behind a transaction-mode pooler that does not keep prepared statements (pgBouncer < 1.21). */
  pgNamedStatements: boolean;
  /** DATABASE_URL is a pooler's alias that already selects the variant's schema (no search_path startup option). */
  pgPooled: boolean;
  bodyLimitBytes: number;
  migrateOnStart: boolean;
  logLevel: LogLevel;
}

export interface Env {
  databaseUrl?: string | undefined;
  databaseReplicaUrl?: string | undefined;
  /** An existing transaction-mode pgBouncer (else the harness starts its own from PATH, else none). */
  pgbouncerUrl?: string | undefined;
  redisUrl?: string | undefined;
  /** Where embedded Postgres keeps its data between runs. */
  dataDir: string;
  k6Bin?: string | undefined;
  /** PATH, for finding redis-server, pgbouncer and k6. */
  pathVar: string | undefined;
  api: PlatformSettings;
  /** The workload's own variables by name, validated, defaults filled in. */
  workload: Readonly<Record<string, EnvValue>>;
  /** Connection strings as given, for redacting them from any output. */
  secrets: readonly string[];
}

type Source = Readonly<Record<string, string | undefined>>;

/** Every variable scaleproof reads for a workload, with what it means (the README lists the same). */
export function envVariables(workloadEnv: Readonly<Record<string, EnvVarSpec>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(urlVariables)) out[name] = v.description;
  for (const [name, v] of Object.entries({ ...platformEnv, ...workloadEnv })) out[name] = v.description;
  return out;
}

/** One declared variable: unset or empty means its default; anything else must pass its spec. */
export function readVariable(env: Source, name: string, spec: EnvVarSpec): EnvValue {
  const raw = env[name];
  if (raw === undefined || raw === '') return spec.default;
  switch (spec.kind) {
    case 'int': {
      const n = Number(raw);
      const max = spec.max ?? Number.MAX_SAFE_INTEGER;
      if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(n) || n < spec.min || n > max) {
        throw new ScaleproofError('SP_CONFIG', `${name}=${JSON.stringify(raw)} is not a whole number from ${spec.min} to ${max}; fix or unset it.`);
      }
      return n;
    }
    case 'flag':
      if (raw === '1' || raw === 'true') return true;
      if (raw === '0' || raw === 'false') return false;
      throw new ScaleproofError('SP_CONFIG', `${name}=${JSON.stringify(raw)} must be 1 or 0; fix or unset it.`);
    case 'choice':
      if (spec.choices.includes(raw)) return raw;
      throw new ScaleproofError('SP_CONFIG', `${name}=${JSON.stringify(raw)} must be one of ${spec.choices.join(', ')}.`);
    case 'string':
      return raw;
  }
}

function url(env: Source, name: keyof typeof urlVariables): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const schemes: readonly string[] = urlVariables[name].schemes;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ScaleproofError('SP_CONFIG', `${name} is not a URL; expected ${schemes[0]}://user@host:port/...`);
  }
  if (!schemes.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ScaleproofError('SP_CONFIG', `${name} must start with ${schemes.map((s) => s + '://').join(' or ')}`);
  }
  return raw;
}

export function readEnv(env: Source, cwd: string = '.', workloadEnv: Readonly<Record<string, EnvVarSpec>> = {}): Readonly<Env> {
  // A workload may restate a platform variable with its own default (catalog: its plan's pool size).
  const p = <K extends keyof typeof platformEnv>(name: K) => readVariable(env, name, workloadEnv[name] ?? platformEnv[name]);
  const databaseUrl = url(env, 'DATABASE_URL');
  const databaseReplicaUrl = url(env, 'DATABASE_REPLICA_URL');
  const redisUrl = url(env, 'REDIS_URL');
  const pgbouncerUrl = url(env, 'PGBOUNCER_URL');
  const workload = Object.fromEntries(Object.entries(workloadEnv).filter(([name]) => !Object.hasOwn(platformEnv, name)).map(([name, spec]) => [name, readVariable(env, name, spec)]));
  return Object.freeze({
    databaseUrl,
    databaseReplicaUrl,
    pgbouncerUrl,
    redisUrl,
    dataDir: path.resolve(cwd, p('SCALEPROOF_DATA_DIR') as string),
    k6Bin: (p('K6_BIN') as string) || undefined,
    pathVar: env.PATH,
    api: Object.freeze({
      host: p('HOST') as string,
      port: p('PORT') as number,
      redisKeyPrefix: p('SCALEPROOF_REDIS_PREFIX') as string,
      pgPoolMax: p('SCALEPROOF_PG_POOL_MAX') as number,
      statementTimeoutMs: p('SCALEPROOF_STATEMENT_TIMEOUT_MS') as number,
      pgNamedStatements: p('SCALEPROOF_PG_NAMED_STATEMENTS') as boolean,
      pgPooled: p('SCALEPROOF_PG_POOLED') as boolean,
      bodyLimitBytes: p('SCALEPROOF_BODY_LIMIT_BYTES') as number,
      migrateOnStart: p('SCALEPROOF_MIGRATE_ON_START') as boolean,
      logLevel: p('SCALEPROOF_LOG_LEVEL') as LogLevel,
    }),
    workload: Object.freeze(workload),
    secrets: Object.freeze([databaseUrl, databaseReplicaUrl, pgbouncerUrl, redisUrl].filter((s): s is string => s !== undefined)),
  });
}

/** This process's environment read the same way: the only use of process.env outside tests. */
export function readProcessEnv(workloadEnv: Readonly<Record<string, EnvVarSpec>> = {}): Readonly<Env> {
  return readEnv(process.env, process.cwd(), workloadEnv);
}

/** The connection strings as given, unvalidated: for redacting output even when readEnv itself fails. */
export function processSecrets(): string[] {
  return Object.keys(urlVariables).map((name) => process.env[name]).filter((s): s is string => !!s);
}

/** The environment a child process (the API, autocannon's CLI) inherits, with overrides. */
export function childEnvironment(overrides: Readonly<Record<string, string | undefined>> = {}): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}
