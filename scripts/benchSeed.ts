/*
 * pnpm bench:seed <workload> [--users N] [--json] — seeds the workload's dataset at the given scale (a forced
 * fresh load of its optimized variant's schema) into DATABASE_URL, or embedded Postgres when unset, then
 * measures in the same run this machine's raw COPY limit for the dataset's largest table
 * (DatasetDefinition.measureRawCopy) and prints both, with the seeder's peak RSS taken before the raw phase.
 * With --json the last stdout line is one JSON object. Figures only; the exit code is 0 unless something
 * failed (2 usage/configuration, 1 other).
 */
import os from 'node:os';
import pg from 'pg';
import { processSecrets, readProcessEnv } from '../harness/config/readEnv.ts';
import { migrate } from '../harness/migrate/migrate.ts';
import { schemaName, withSchema } from '../harness/migrate/schemaUrl.ts';
import { workloadDefaults } from '../harness/run/BenchOptions.ts';
import { intArg } from '../harness/run/parseArgs.ts';
import { redactText, redactUrl } from '../harness/services/redactUrl.ts';
import { startPostgres, type PostgresHandle } from '../harness/services/startPostgres.ts';
import { resolveWorkload } from '../harness/workload/WorkloadRegistry.ts';
import { workloads } from '../scenarios/registry.ts';
import { datasetParametersOf, distributionOf, workloadProgram, type DatasetFlags } from './cli/commonFlags.ts';
import { exitWithError, parseOrExit } from './cli/exitWithError.ts';

const secrets = processSecrets();
/** The issues' targets at a workload's default scale: wall time (the dataset may declare its own), seeder/raw ratio, peak RSS. */
const TARGETS = { wallSeconds: 120, ratio: 0.5, peakRssBytes: 512 * 1024 * 1024 };

const program = workloadProgram('bench:seed', "Seed a workload's dataset and compare its largest table's load rate with this machine's raw COPY rate, measured in the same run.", Object.keys(workloads))
  .option('--streams <n>', 'parallel COPY streams for both phases (default: one per CPU)', intArg('--streams', 1, 64))
  .option('--json', 'print the result as one JSON object on the last stdout line');

interface Flags extends DatasetFlags {
  streams?: number;
  json?: boolean;
}

const flags = parseOrExit<Flags>(program, process.argv, secrets);
const round = (n: number, digits = 0) => Number(n.toFixed(digits));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function checkpoint(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('CHECKPOINT').catch(() => undefined); // best effort: needs superuser or pg_checkpoint
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const { workload, variant } = await resolveWorkload(workloads, program.args[0]!, flags.variant);
  const d = workloadDefaults(workload, variant);
  const parameters = datasetParametersOf(flags, workload);
  const env = readProcessEnv(workload.env);
  const log = (line: string) => process.stdout.write(`${redactText(line, secrets)}\n`);
  const streams = flags.streams ?? os.availableParallelism();
  const users = flags.users ?? d.users;
  const loadBefore = os.loadavg();
  let pgh: PostgresHandle | undefined;
  try {
    pgh = await startPostgres({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, log });
    const databaseUrl = withSchema(pgh.url, schemaName(workload.name, variant.name));
    await migrate(databaseUrl, variant.migrations);
    await checkpoint(pgh.url);
    const seeded = await workload.dataset.seed({
      databaseUrl, variant: variant.name, users, seed: flags.seed ?? d.seed, distribution: distributionOf(flags, d.distribution), parameters,
      force: true, progress: false, streams, log,
    });
    // maxRSS is the process-wide peak so far: the seeder's, since nothing before it held much memory. Taken
    // now, before the raw phase pre-renders rows into memory.
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    const largest = workload.dataset.largestTable;
    const largestRows = seeded.identity.rowCounts[largest] ?? 0;
    const raw = workload.dataset.measureRawCopy ? await workload.dataset.measureRawCopy(databaseUrl, largestRows) : undefined;
    const seederRate = seeded.largestTableRowsPerSecond ?? null;
    const ratio = raw && seederRate !== null ? seederRate / raw.rowsPerSecond : null;
    const wallTarget = workload.dataset.seedWallTargetS ?? TARGETS.wallSeconds;
    const result = {
      workload: workload.name,
      variant: variant.name,
      users,
      largestTable: largest,
      largestTableRows: largestRows,
      rowCounts: seeded.identity.rowCounts,
      wallSeconds: round(seeded.wallSeconds, 2),
      largestTableRowsPerSecond: seederRate === null ? null : round(seederRate),
      rawCopyRows: raw?.rows ?? null,
      rawCopyRowsPerSecond: raw ? round(raw.rowsPerSecond) : null,
      ratio: ratio === null ? null : round(ratio, 3),
      raw: raw?.details ?? null,
      peakRssBytes,
      phases: Object.fromEntries(Object.entries(seeded.phases).map(([k, v]) => [k, round(v, 2)])),
      facts: seeded.facts,
      streams,
      machine: { cpus: os.availableParallelism(), memoryBytes: os.totalmem(), node: process.version, postgres: pgh.serverVersion, postgresKind: pgh.kind, loadAvgBefore: loadBefore.map((l) => round(l, 2)), loadAvgAfter: os.loadavg().map((l) => round(l, 2)) },
      database: redactUrl(pgh.url),
    };
    const rows: Array<[string, string, string]> = [
      ['workload / variant', `${workload.name} / ${variant.name}`, ''],
      ['users / largest table', `${fmt(users)} / ${largest} ${fmt(largestRows)} rows`, `(${Object.keys(result.rowCounts).length} tables, all in --json)`],
      ['seed wall time (end to end)', `${result.wallSeconds} s`, users === d.users ? verdict(result.wallSeconds <= wallTarget, `<= ${wallTarget} s at ${fmt(users)} users`) : `target applies at the default ${fmt(d.users)} users`],
      ['  phases (s)', Object.entries(result.phases).map(([k, v]) => `${k} ${v}`).join(', '), ''],
      [`seeder ${largest} COPY`, seederRate === null ? 'n/a' : `${fmt(seederRate)} rows/s`, ''],
      [`raw COPY of ${largest}, no index`, raw ? `${fmt(raw.rowsPerSecond)} rows/s` : 'n/a (the dataset has no raw COPY probe)', raw ? `(${fmt(raw.rows)} rows)` : ''],
      ['ratio seeder / raw', ratio === null ? 'n/a' : String(result.ratio), ratio === null ? '' : verdict(ratio >= TARGETS.ratio, `>= ${TARGETS.ratio}`)],
      ['seeder peak RSS', `${(peakRssBytes / 1048576).toFixed(0)} MB`, verdict(peakRssBytes < TARGETS.peakRssBytes, '< 512 MB')],
      ['machine', `${result.machine.cpus} CPUs, Node ${process.version}, Postgres ${pgh.serverVersion} (${pgh.kind}), ${streams} streams`, `load avg ${loadBefore[0]!.toFixed(2)} -> ${os.loadavg()[0]!.toFixed(2)}`],
    ];
    const w = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    process.stdout.write('\n' + rows.map((r) => `${r[0].padEnd(w[0]!)}  ${r[1].padEnd(w[1]!)}  ${r[2]}`.trimEnd()).join('\n') + '\n');
    if (flags.json) process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await pgh?.stop();
  }
}

function verdict(ok: boolean, target: string): string {
  return `${ok ? 'ok' : 'MISSED'} (target ${target})`;
}

main().catch((err: unknown) => exitWithError(err, secrets));
