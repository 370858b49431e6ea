/*
 * One `pnpm bench:plan <workload>` run: services once -> every step (a variant, maybe with its topology
 * switched) migrated, seeded from the same generator, seed and scale, and served by its own API -> one offered
 * rate for all (given, or half of what the first step carries) -> warm-up per step, excluded -> trials
 * interleaved A B A B -> the hottest statements of each step EXPLAINed -> every claim judged -> plan.json, .md,
 * .html. The engine imports no workload: the claims come with the Workload.
 */
import os from 'node:os';
import path from 'node:path';
import { createKeySampler } from '../../seeders/engine/keySampler.ts';
import type { Env } from '../config/readEnv.ts';
import { encodeHistogram, latencyStats, mergeHistograms } from '../drive/latencyHistogram.ts';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import type { ProbeTargets } from '../probe/snapshotServer.ts';
import { drivePhase } from '../run/drivePhase.ts';
import { gitCommit, machineInfo, newRunId } from '../run/machineInfo.ts';
import { onShutdown } from '../run/onShutdown.ts';
import { prepareSystemUnderTest, type SystemUnderTest } from '../run/prepareSystemUnderTest.ts';
import type { RunContext } from '../run/runBench.ts';
import { startServices } from '../services/startServices.ts';
import { buildScenario } from '../workload/buildScenario.ts';
import type { Workload } from '../workload/Workload.ts';
import { explainHottest } from './explainHottest.ts';
import { countVerdicts, judgeClaims } from './judgeClaims.ts';
import { measureStepCapacity } from './measureStepCapacity.ts';
import { waitForQuiet } from './waitForQuiet.ts';
import { measureStepTrial } from './measureStepTrial.ts';
import type { PlanOptions } from './PlanOptions.ts';
import { planDefaults } from './PlanOptions.ts';
import type { PlanStep } from './PlanClaims.ts';
import { PLAN_SCHEMA_VERSION, type PlanReport, type PlanStepResult, type StepTrial } from './PlanReport.ts';
import { writePlanReports } from './report/writePlanReports.ts';

export interface PlanContext {
  env: Readonly<Env>;
  workload: Readonly<Workload>;
  /** The RunContext of one variant (its API command names the variant). */
  contextFor: (variant: string) => Promise<RunContext>;
  cwd: string;
  log: (line: string) => void;
  progress: (line: string) => void;
}

export interface PlanOutcome {
  report: PlanReport;
  outDir: string;
  files: Record<string, string>;
  exitCode: 0 | 99;
}

export async function runPlan(o: PlanOptions, ctx: PlanContext): Promise<PlanOutcome> {
  const { workload, log } = ctx;
  const claims = workload.claims;
  if (!claims) throw new ScaleproofError('SP_USAGE', `workload ${workload.name} has no claims file (Workload.claims); bench:plan needs one`);
  const steps = selectSteps(claims.steps, o.steps, workload);
  const runId = newRunId();
  const outDir = path.resolve(ctx.cwd, o.outDir ?? path.join('reports', `plan-${runId}`));
  const startedAt = new Date().toISOString();
  const loadAverage = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const notes: string[] = [];
  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((err: unknown) => log(`cleanup: ${(err as Error).message}`));
  };
  onShutdown(stopAll);
  try {
    const services = await startServices({ databaseUrl: ctx.env.databaseUrl, redisUrl: ctx.env.redisUrl, dataDir: ctx.env.dataDir, pathVar: ctx.env.pathVar, log });
    stops.push(() => services.stopAll());
    const prepared = new Map<string, SystemUnderTest>();
    for (const step of steps) {
      log(`step ${step.id}: variant ${step.variant}${step.topology ? ` (${topologyText(step.topology)})` : ''}`);
      const sut = await prepareSystemUnderTest(
        {
          runId: `${runId}-${step.id}`, users: o.users, seed: o.seed, distribution: o.distribution, datasetParameters: o.datasetParameters, services,
          pooler: step.topology?.pooler, replica: step.topology?.replica,
        },
        await ctx.contextFor(step.variant),
        stops,
      );
      prepared.set(step.id, sut);
      // A topology asked for and not there (no pgbouncer on PATH, no replica) is said loudly: the step ran direct.
      notes.push(...(sut.topology?.notes ?? []).map((n) => `${step.id}: ${n}`));
    }
    const first = prepared.get(steps[0]!.id)!;
    const scenarioAt = (load: Parameters<typeof buildScenario>[1]['load'], durationS: number) =>
      buildScenario(workload, { users: o.users, seed: o.seed, distribution: o.distribution, load, warmupS: o.warmupS, durationS });
    const sampler = createKeySampler({ users: o.users, seed: o.seed, distribution: o.distribution });
    let rate = o.ratePerSecond;
    let rateSource = 'given (--rate)';
    if (rate === undefined) {
      log(`calibration: ${o.calibrateS} s closed model, ${o.calibrateConnections} connections, on step ${steps[0]!.id}`);
      const cal = await drivePhase({
        scenario: scenarioAt({ kind: 'closed', connections: o.calibrateConnections, pipelining: 1 }, o.calibrateS), endpointsModule: workload.endpointsModule,
        baseUrl: first.baseUrl, sampler, phase: 'warmup', durationS: o.calibrateS, driver: 'autocannon', progress: ctx.progress, log,
      });
      const carried = cal.measure.totals.requests / Math.max(cal.measure.durationS, 1e-9);
      rate = Math.max(1, Math.floor(carried * planDefaults.calibrateFraction));
      const q = await waitForQuiet(first.baseUrl);
      if (!q.quiet) notes.push(`after the calibration, step ${steps[0]!.id} was still busy after ${Math.round(q.waitedS)} s; its first trial may include that backlog`);
      rateSource = `${planDefaults.calibrateFraction * 100}% of the ${Math.round(carried)} req/s step ${steps[0]!.id} carried in a ${o.calibrateS} s closed-model calibration (${o.calibrateConnections} connections)`;
    }
    log(`offered rate for every step: ${rate} req/s (${rateSource})`);
    const open = { kind: 'open' as const, ratePerSecond: rate, connections: o.maxConnections, arrivals: o.arrivals };
    const probesOf = (sut: SystemUnderTest): ProbeTargets => ({ redisUrl: services.redis.kind === 'in-process' ? undefined : services.redis.url, apiUrl: sut.baseUrl, databaseUrl: services.postgres.url });
    if (o.warmupS > 0) {
      for (const step of steps) {
        log(`warm-up ${step.id}: ${o.warmupS} s at ${rate} req/s (excluded)`);
        await drivePhase({ scenario: scenarioAt(open, o.warmupS), endpointsModule: workload.endpointsModule, baseUrl: prepared.get(step.id)!.baseUrl, sampler, phase: 'warmup', durationS: o.warmupS, driver: 'autocannon', progress: ctx.progress, log });
      }
    }
    const trialsByStep = new Map<string, StepTrial[]>(steps.map((s) => [s.id, []]));
    const histograms = new Map<string, string[]>(steps.map((s) => [s.id, []]));
    const runLog: PlanReport['runLog'] = [];
    let order = 0;
    for (let trial = 1; trial <= o.trials; trial++) {
      for (const step of steps) {
        order++;
        const sut = prepared.get(step.id)!;
        log(`trial ${trial}/${o.trials}, step ${step.id}: ${o.durationS} s at ${rate} req/s`);
        const r = await measureStepTrial({
          scenario: scenarioAt(open, o.durationS), endpointsModule: workload.endpointsModule, baseUrl: sut.baseUrl, databaseUrl: sut.schemaUrl!, sampler,
          probes: probesOf(sut), inProcessCache: services.redis.kind === 'in-process',
          probeClaims: claims.claims.filter((c) => c.metric?.kind === 'probe' && (c.before === step.id || c.after === step.id)),
          probeRepeats: o.probeRepeats, probeTimeoutS: o.probeTimeoutS, trial, order, progress: ctx.progress, log,
        });
        trialsByStep.get(step.id)!.push(r.sample);
        histograms.get(step.id)!.push(r.histogram);
        runLog.push({ order, trial, step: step.id, startedAt: r.sample.startedAt });
      }
    }
    // Capacity last: a search pushes each step past its knee, which must not precede any trial.
    const capacityByStep = new Map<string, number[]>();
    if (o.capacity) {
      // Every step: the capacity of each variant is the report's second figure, claimed or not.
      for (const step of steps) {
        const sut = prepared.get(step.id)!;
        log(`capacity of step ${step.id}: search from ${Math.max(1, Math.floor(rate / 2))} req/s`);
        const cap = await measureStepCapacity({
          scenario: scenarioAt(open, o.durationS), baseUrl: sut.baseUrl, sampler, thresholds: workload.thresholds, probes: probesOf(sut), inProcessCache: services.redis.kind === 'in-process',
          startRps: Math.max(1, Math.floor(rate / 2)), maxConnections: o.maxConnections, trials: o.trials, seed: o.seed, progress: ctx.progress, log,
        });
        capacityByStep.set(step.id, cap.samples);
        notes.push(...cap.notes.map((n) => `${step.id}: ${n}`));
      }
    }
    const stepResults: PlanStepResult[] = [];
    for (const step of steps) {
      const sut = prepared.get(step.id)!;
      const explain = await explainHottest(sut.baseUrl, sut.schemaUrl!, o.explainTop).catch((err: unknown) => [{ shape: '', calls: 0, totalMs: 0, error: (err as Error).message }]);
      const merged = mergeHistograms(histograms.get(step.id)!);
      const stats = merged.totalCount > 0 ? latencyStats(merged) : null;
      stepResults.push({
        id: step.id, variant: step.variant, label: step.label, topology: step.topology, trials: trialsByStep.get(step.id)!,
        ran: sut.topology ? { pooler: sut.topology.pooler.kind, replica: sut.topology.replica.kind } : null,
        histogram: merged.totalCount > 0 ? encodeHistogram(merged) : null,
        latencyMs: stats ? { p50: stats.p50, p95: stats.p95, p99: stats.p99 } : null,
        explain,
        dataset: sut.datasetLoad ? { seeded: !sut.datasetLoad.skipped, wallSeconds: sut.datasetLoad.wallSeconds ?? null } : null,
        capacityRps: capacityByStep.get(step.id) ?? null,
      });
    }
    const results = judgeClaims(claims, trialsByStep, { seed: o.seed, capacityByStep, capacityRan: o.capacity });
    for (const step of steps) notes.push(...prepared.get(step.id)!.unexpectedExits.map((n) => `${step.id}: ${n}`));
    if (services.redis.kind === 'in-process') notes.push('Redis was not available: the APIs cached in-process; cache figures are not Redis figures.');
    notes.push('One machine runs the load generator, the APIs, Postgres and Redis: the figures are this box contended by the generator; they compare designs on the same box, they do not predict another machine.');
    const report: PlanReport = {
      schemaVersion: PLAN_SCHEMA_VERSION,
      workload: workload.name,
      seedFile: claims.seedFile,
      runId,
      gitCommit: gitCommit(ctx.cwd),
      startedAt,
      endedAt: new Date().toISOString(),
      environment: {
        machine: machineInfo(),
        loadAverage,
        postgres: { kind: services.postgres.kind, version: services.postgres.serverVersion },
        redis: { kind: services.redis.kind, version: services.redis.serverVersion },
        method: `${o.command}; every step on the same dataset (users ${o.users}, seed ${o.seed}), the same open-model offered rate (latency from the intended send time), ${o.warmupS} s warm-up per step excluded, ${o.trials} trials of ${o.durationS} s interleaved across steps; per-trial medians, 95% percentile-bootstrap intervals over trials (never over requests); probes ${o.probeRepeats}x per trial with no load; queries per request from the API's per-route statement counters; EXPLAIN (ANALYZE, BUFFERS) of each step's hottest statements once after the trials`,
      },
      dataset: { users: o.users, seed: o.seed, distribution: o.distribution.kind },
      load: { ratePerSecond: rate, rateSource, arrivals: o.arrivals, warmupS: o.warmupS, durationS: o.durationS, trials: o.trials, maxConnections: o.maxConnections },
      steps: stepResults,
      runLog,
      claims: results,
      counts: countVerdicts(results),
      notes,
    };
    await stopAll();
    const files = await writePlanReports(report, outDir);
    const failed = o.requireClaims && results.some((r) => r.verdict === 'not reproduced');
    return { report, outDir, files, exitCode: failed ? 99 : 0 };
  } finally {
    await stopAll();
  }
}

function selectSteps(all: readonly PlanStep[], only: readonly string[] | undefined, workload: Readonly<Workload>): PlanStep[] {
  for (const s of all) {
    if (!workload.variants[s.variant]) throw new ScaleproofError('SP_CONFIG', `claims step ${s.id} names variant ${JSON.stringify(s.variant)}, which workload ${workload.name} does not have; its variants: ${Object.keys(workload.variants).join(', ')}`);
  }
  if (!only) return [...all];
  const ids = all.map((s) => s.id);
  for (const id of only) {
    if (!ids.includes(id)) throw new ScaleproofError('SP_USAGE', `--steps names ${JSON.stringify(id)}, which the ${workload.name} claims do not declare; steps: ${ids.join(', ')}`);
  }
  return all.filter((s) => only.includes(s.id));
}

function topologyText(t: NonNullable<PlanStep['topology']>): string {
  return [t.pooler !== undefined ? `pooler ${t.pooler ? 'on' : 'off'}` : '', t.replica !== undefined ? `replica ${t.replica ? 'on' : 'off'}` : ''].filter(Boolean).join(', ');
}
