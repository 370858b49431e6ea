/*
 * pnpm bench:merge SHARD... [--workload NAME] [--out DIR] [--thresholds FILE] [--json]
 * Merges k6 instances run with execution segments (bench --k6-instances, the bench:k6-plan command lines on many
 * machines, or k6-operator runners) into one summary.json and report set, with the thresholds judged on the merged
 * data (harness/merge/). --json prints one JSON line (totals, verdict, points/s) instead of the table.
 * Exit codes: 0 thresholds hold; 99 crossed; 2 usage, configuration or a bad shard; 1 any other failure.
 */
import path from 'node:path';
import { Command } from 'commander';
import { processSecrets } from '../harness/config/readEnv.ts';
import { loadThresholds } from '../harness/judge/loadThresholds.ts';
import { validateThresholds } from '../harness/judge/validateThresholds.ts';
import type { ThresholdSet } from '../harness/judge/ThresholdSet.ts';
import { mergeK6Shards } from '../harness/merge/mergeK6Shards.ts';
import { mergedRunSummary } from '../harness/merge/mergedRunSummary.ts';
import { formatSummaryTable } from '../harness/report/formatSummaryTable.ts';
import { writeReports } from '../harness/report/writeReports.ts';
import { newRunId } from '../harness/run/machineInfo.ts';
import { resolveWorkload } from '../harness/workload/WorkloadRegistry.ts';
import { workloads } from '../scenarios/registry.ts';
import { exitWithError, parseOrExit, quietCommander } from './cli/exitWithError.ts';

const secrets = processSecrets();
const program = quietCommander(
  new Command('bench:merge')
    .description('Merge the points of k6 instances run with execution segments into one result and one verdict.')
    .argument('<shard...>', "k6 instance output: a folder holding points.ndjson (or .ndjson.gz), or the file")
    .option('--workload <name>', `the workload the shards ran (${Object.keys(workloads).join(', ')}): its thresholds and endpoint order`)
    .option('--thresholds <file>', "threshold set (.json/.ts/.js) replacing the workload's")
    .option('--out <dir>', 'report folder (default reports/<run-id>)')
    .option('--json', 'print one JSON line (totals, verdict, points/s) instead of the table'),
);

interface MergeFlags {
  workload?: string;
  thresholds?: string;
  out?: string;
  json?: boolean;
}

const flags = parseOrExit<MergeFlags>(program, process.argv, secrets);

try {
  const resolved = flags.workload ? await resolveWorkload(workloads, flags.workload) : undefined;
  const workload = resolved?.workload;
  const thresholds: ThresholdSet = flags.thresholds ? await loadThresholds(flags.thresholds) : (workload?.thresholds ?? {});
  // Checked before any shard is read; endpoint tags are checked against the workload's table when there is one.
  validateThresholds(thresholds, workload ? { endpoints: Object.keys(workload.endpoints) } : {});
  const merged = await mergeK6Shards(program.args);
  const summary = mergedRunSummary(merged, {
    workload: workload ? { name: workload.name, endpointOrder: Object.keys(workload.endpoints) } : undefined,
    thresholds,
    command: `pnpm bench:merge ${process.argv.slice(2).join(' ')}`,
    cwd: process.cwd(),
  });
  const outDir = path.resolve(flags.out ?? path.join('reports', newRunId()));
  const { files } = await writeReports(summary, outDir);
  const exitCode = summary.verdict === 'pass' ? 0 : 99;
  const pointsPerSecond = merged.stats.seconds > 0 ? Math.round(merged.stats.points / merged.stats.seconds) : 0;
  if (flags.json) {
    const t = summary.totals;
    process.stdout.write(JSON.stringify({
      verdict: summary.verdict,
      exitCode,
      instances: merged.instances.count,
      requests: t.requests,
      errors: t.errors,
      endpoints: Object.fromEntries(Object.entries(summary.endpoints).map(([k, e]) => [k, e?.requests ?? 0])),
      p95Ms: t.latencyMs.p95,
      counters: merged.instances.counters,
      points: merged.stats.points,
      bytes: merged.stats.bytes,
      seconds: merged.stats.seconds,
      pointsPerSecond,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      outDir,
    }) + '\n');
  } else {
    process.stdout.write(formatSummaryTable(summary) + '\n');
    for (const s of merged.instances.shards) {
      process.stdout.write(`instance ${s.instanceId ?? '-'} ${s.segment ?? '(segment unknown)'} ${s.shard}: ${s.requests} requests, ${s.errors} errors, ${s.droppedIterations} dropped, k6 exit ${s.validity.k6ExitCode ?? 'n/a'}\n`);
    }
    process.stdout.write(`merged ${merged.stats.points} points from ${merged.instances.count} instance(s) in ${merged.stats.seconds.toFixed(2)} s (${pointsPerSecond} points/s)\n`);
    process.stdout.write(`reports: ${Object.values(files).join(', ')}\n`);
    process.stdout.write(`verdict: ${summary.verdict} (exit ${exitCode})\n`);
  }
  process.exit(exitCode);
} catch (err) {
  exitWithError(err, secrets);
}
