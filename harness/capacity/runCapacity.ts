/*
 * One `pnpm bench:capacity <workload>` run: services -> migrate -> seed -> start API (all skipped with --target)
 * -> warm-up (closed model, kept apart) -> the capacity search with the open-model driver -> reports. The same
 * modules as runBench, in the same order; what differs is the search in the middle.
 */
import os from 'node:os';
import path from 'node:path';
import type { Env } from '../config/readEnv.ts';
import { createKeySampler } from '../../seeders/engine/keySampler.ts';
import type { CapacityReport } from '../model/CapacityReport.ts';
import type { ProbeTargets } from '../probe/snapshotServer.ts';
import { loadThresholds } from '../judge/loadThresholds.ts';
import { validateThresholds } from '../judge/validateThresholds.ts';
import { redactUrl } from '../services/redactUrl.ts';
import { drivePhase } from '../run/drivePhase.ts';
import { OPEN_VALIDITY_RULE } from '../drive/open/OpenWindowStats.ts';
import { gitCommit, machineInfo, newRunId } from '../run/machineInfo.ts';
import { onShutdown } from '../run/onShutdown.ts';
import { prepareSystemUnderTest } from '../run/prepareSystemUnderTest.ts';
import type { RunContext } from '../run/runBench.ts';
import { buildScenario } from '../workload/buildScenario.ts';
import { buildCapacityReport } from './buildCapacityReport.ts';
import { capacityBudget, tightestP95Ms } from './capacityBudget.ts';
import type { CapacityOptions } from './CapacityOptions.ts';
import { createResourceSampler } from './createResourceSampler.ts';
import { createStepRunner } from './createStepRunner.ts';
import { writeCapacityReports } from './report/writeCapacityReports.ts';
import { searchCapacity } from './searchCapacity.ts';

export interface CapacityOutcome {
  report: CapacityReport;
  outDir: string;
  files: Record<string, string>;
  exitCode: 0 | 99;
}

export async function runCapacity(o: CapacityOptions, ctx: RunContext & { env: Readonly<Env> }): Promise<CapacityOutcome> {
  const { log } = ctx;
  const { workload, variant } = ctx.resolved;
  const thresholds = o.thresholdsFile ? await loadThresholds(o.thresholdsFile) : workload.thresholds;
  validateThresholds(thresholds, { endpoints: Object.keys(workload.endpoints) });
  const budget = capacityBudget(thresholds);
  const scenario = buildScenario(workload, {
    users: o.users, seed: o.seed, distribution: o.distribution, mix: o.mix, warmupS: o.warmupS, durationS: o.measureS,
    load: { kind: 'closed', connections: o.warmupConnections, pipelining: 1 },
  });
  const runId = newRunId();
  const outDir = path.resolve(ctx.cwd, o.outDir ?? path.join('reports', `capacity-${runId}`));
  const startedAt = new Date().toISOString();
  const loadAverage = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((err: unknown) => log(`cleanup: ${(err as Error).message}`));
  };
  onShutdown(stopAll);

  try {
    const sut = await prepareSystemUnderTest(
      { target: o.target, runId, users: o.users, seed: o.seed, distribution: o.distribution, datasetParameters: o.datasetParameters },
      ctx,
      stops,
    );
    const { services, baseUrl, dataset, schemaUrl: databaseUrl } = sut;
    const probes: ProbeTargets = o.target ? {} : { redisUrl: services?.redis.url, apiUrl: baseUrl, databaseUrl: services?.postgres.url };
    const sampler = createKeySampler(scenario.keys);
    if (o.warmupS > 0) {
      log(`warm-up: ${o.warmupS}s, closed model, ${o.warmupConnections} connections (kept apart)`);
      await drivePhase({ scenario, endpointsModule: workload.endpointsModule, baseUrl, sampler, phase: 'warmup', durationS: o.warmupS, driver: 'autocannon', progress: ctx.progress, log });
    }
    const resources = createResourceSampler(o.target ? {} : { apiUrl: baseUrl, databaseUrl, redisUrl: services?.redis.kind === 'in-process' ? undefined : services?.redis.url });
    stops.push(() => resources.close());
    // The generator must be punctual next to what it judges: 5% of the tightest p95 budget, at least 5 ms.
    const p95 = tightestP95Ms(budget);
    const rule = {
      ...OPEN_VALIDITY_RULE,
      maxScheduleLagP99Ms: o.maxScheduleLagMs ?? Math.max(OPEN_VALIDITY_RULE.maxScheduleLagP99Ms, p95 === null ? 0 : 0.05 * p95),
      maxEventLoopLagP99Ms: Math.max(OPEN_VALIDITY_RULE.maxEventLoopLagP99Ms, o.maxScheduleLagMs ?? 0, p95 === null ? 0 : 0.1 * p95),
    };
    const runStep = createStepRunner({
      scenario, baseUrl, sampler, budget, settleS: o.settleS, measureS: o.measureS, windowS: o.windowS, arrivals: o.arrivals, maxConnections: o.maxConnections,
      cooldownS: o.cooldownS, degradeErrorRate: o.degradeErrorRate, rule, probes, inProcessCache: services?.redis.kind === 'in-process', resources, progress: ctx.progress,
    });
    log(`capacity search: from ${o.startRps} req/s x${o.factor}, bisection to ${o.tolerance * 100}%, ${o.trials} trials; steps of ${o.settleS} s settle + ${o.measureS} s measured, ${o.windowS} s windows`);
    const outcome = await searchCapacity(
      { startRps: o.startRps, maxRps: o.maxRps, factor: o.factor, tolerance: o.tolerance, trials: o.trials, refineSteps: o.refineSteps, downSteps: 2, seed: o.seed },
      runStep,
      log,
    );
    const notes = [...sut.unexpectedExits, ...budget.ignored.map((x) => `not judged by the search: ${x}`)];
    if (!o.target) notes.push('the load generator shares this machine with the API, Postgres and Redis: the figures are this whole box, contended by the generator (and by anything else running)');
    const report = buildCapacityReport({
      outcome, runId, gitCommit: gitCommit(ctx.cwd), startedAt, workload: workload.name, variant: variant.name, planLoad: workload.planLoad,
      search: {
        startRps: o.startRps, maxRps: o.maxRps, factor: o.factor, tolerance: o.tolerance, trials: o.trials, settleS: o.settleS, measureS: o.measureS, windowS: o.windowS,
        arrivals: o.arrivals, maxConnections: o.maxConnections, budget: Object.fromEntries(Object.entries({ ...budget.window, ...budget.step }).map(([k, v]) => [k, v.map((x) => (typeof x === 'string' ? x : x.threshold))])),
        generatorRule: rule,
      },
      environment: {
        machine: machineInfo(),
        postgres: services ? { kind: services.postgres.kind, version: services.postgres.serverVersion } : undefined,
        redis: services ? { kind: services.redis.kind, version: services.redis.serverVersion } : undefined,
        dataset,
        target: o.target ? redactUrl(o.target) : undefined,
        method: `${o.command}; open-model driver (latency from the intended send time); warm-up ${o.warmupS} s closed model, not judged`,
        loadAverage,
      },
      cores: os.cpus().length,
      notes,
    });
    await stopAll();
    const files = await writeCapacityReports(report, outDir);
    return { report, outDir, files, exitCode: report.verdict === 'pass' ? 0 : 99 };
  } finally {
    await stopAll();
  }
}
