/*
 * One `pnpm bench <workload>` run: services -> migrate -> seed -> start API -> warm-up -> drive (sampled) -> probe ->
 * judge -> report -> stop whatever we started. Pure orchestration: every step lives in its own module, and
 * everything specific to a plan comes from the workload unit it is given (the engine imports none).
 * Nothing heavy starts before the cheap checks pass (thresholds, baseline, k6 present), so a bad flag or a
 * malformed threshold exits 2 before any load.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Env } from '../config/readEnv.ts';
import type { RunSummary, SampledSignals, ServerSide } from '../model/RunSummary.ts';
import { SUMMARY_SCHEMA_VERSION } from '../model/RunSummary.ts';
import { redactUrl } from '../services/redactUrl.ts';
import { snapshotServer, type ProbeTargets } from '../probe/snapshotServer.ts';
import { serverSide } from '../probe/serverSide.ts';
import { mergeSampled, startRunSampler } from '../probe/sampleDuringRun.ts';
import { probePartitions } from '../probe/probePartitions.ts';
import { mergeLag, type ReplicaLagSummary } from '../probe/replicaLag.ts';
import { checkAckedWrites } from '../faults/checkAckedWrites.ts';
import { faultControls } from '../faults/faultControls.ts';
import { faultImpact } from '../faults/faultImpact.ts';
import { validateFaults } from '../faults/FaultSpec.ts';
import { runFaults, type FaultEvent } from '../faults/runFaults.ts';
import { stitchBefore } from '../faults/stitchCounters.ts';
import { WriteLedger } from '../faults/WriteLedger.ts';
import { attachQueriesPerRequest, combineServerSides } from '../probe/combineServerSides.ts';
import { loadThresholds } from '../judge/loadThresholds.ts';
import { validateThresholds } from '../judge/validateThresholds.ts';
import { evaluateThresholds } from '../judge/evaluateThresholds.ts';
import { readSummary } from '../report/readSummary.ts';
import { writeReports } from '../report/writeReports.ts';
import { regressionGate } from '../compare/regressionGate.ts';
import { findK6 } from '../drive/k6/findK6.ts';
import type { BenchOptions } from './BenchOptions.ts';
import { prepareSystemUnderTest } from './prepareSystemUnderTest.ts';
import { gitCommit, machineInfo, newRunId } from './machineInfo.ts';
import { mergeTrials, trialSample, type TrialMeasure } from './mergeTrials.ts';
import { onShutdown } from './onShutdown.ts';
import { drivePhase, type PhaseResult } from './drivePhase.ts';
import { createKeySampler } from '../../seeders/engine/keySampler.ts';
import type { ResolvedWorkload } from '../workload/WorkloadRegistry.ts';
import { buildScenario } from '../workload/buildScenario.ts';

export interface RunContext {
  env: Readonly<Env>;
  /** The workload and variant to run (resolved from the registry by the CLI). */
  resolved: ResolvedWorkload;
  /** Environment handed to the API child process. */
  childEnv: Record<string, string | undefined>;
  /** How to start the API process: a script and its arguments (the CLI's `pnpm api <workload> --variant v`). */
  apiCommand: { entry: string; args: string[] };
  cwd: string;
  log: (line: string) => void;
  progress: (line: string) => void;
  tty: boolean;
}

export interface BenchOutcome {
  summary: RunSummary;
  outDir: string;
  files: Record<string, string>;
  exitCode: 0 | 99;
  regressionReasons: string[];
}

export async function runBench(o: BenchOptions, ctx: RunContext): Promise<BenchOutcome> {
  const { env, log } = ctx;
  const { workload, variant } = ctx.resolved;
  // Pre-flight: everything that can be wrong with the request is found before any service starts.
  const thresholds = o.thresholdsFile ? await loadThresholds(o.thresholdsFile) : workload.thresholds;
  validateThresholds(thresholds, { endpoints: Object.keys(workload.endpoints) });
  const baseline = o.baseline ? await readSummary(o.baseline) : undefined;
  const k6Bin = o.driver === 'k6' ? await findK6(env.k6Bin, env.pathVar) : undefined;
  const faults = o.faults ?? [];
  validateFaults(faults, { durationS: o.durationS, repeat: o.repeat, target: o.target !== undefined, driver: o.driver, openModel: o.ratePerSecond !== undefined });
  const scenario = buildScenario(workload, {
    users: o.users,
    seed: o.seed,
    distribution: o.distribution,
    mix: o.mix,
    warmupS: o.warmupS,
    durationS: o.durationS,
    load: o.ratePerSecond ? { kind: 'open', ratePerSecond: o.ratePerSecond, connections: o.connections, arrivals: o.arrivals ?? 'constant' } : { kind: 'closed', connections: o.connections, pipelining: o.pipelining },
  });

  const runId = newRunId();
  const outDir = path.resolve(ctx.cwd, o.outDir ?? path.join('reports', runId));
  const startedAt = new Date().toISOString();
  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((err: unknown) => log(`cleanup: ${(err as Error).message}`));
  };
  onShutdown(stopAll);

  try {
    const sut = await prepareSystemUnderTest(
      { target: o.target, runId, users: o.users, seed: o.seed, distribution: o.distribution, datasetParameters: o.datasetParameters, apiEnv: o.ackMode ? { SCALEPROOF_ACK_MODE: o.ackMode } : undefined,
        pooler: o.pooler, replica: o.replica },
      ctx,
      stops,
    );
    const { services, schemaUrl, dataset, datasetLoad, baseUrl, restartApi } = sut;

    const probes: ProbeTargets = o.target ? {} : { redisUrl: services?.redis.url, apiUrl: baseUrl, databaseUrl: services?.postgres.url };
    const inProcessCache = services?.redis.kind === 'in-process';
    // One key stream for the whole run: the seeder's sampler, so every key exists and is as hot as seeded.
    const sampler = createKeySampler(scenario.keys);
    // Writes carry ids when the workload can check them (closed-model autocannon, our own API): acked means stored?
    const check = workload.ackedWrites;
    const ledger = check && schemaUrl && o.driver === 'autocannon' && scenario.load.kind === 'closed' ? new WriteLedger() : undefined;
    const writes = ledger && check ? { endpoints: check.endpoints, ledger } : undefined;
    const controls = faults.length > 0 && services && sut.api && restartApi
      ? faultControls({
          faults, redis: services.redis, postgres: services.postgres, baseUrl, endpoints: scenario.endpoints,
          api: { kill: () => sut.api!.kill(), term: async () => void (await sut.api!.stop()), start: restartApi },
        })
      : undefined;
    const phase = (p: 'warmup' | 'measured', durationS: number) =>
      drivePhase({ scenario, endpointsModule: workload.endpointsModule, baseUrl, sampler, phase: p, durationS, driver: o.driver, k6Bin, k6Instances: o.k6Instances, thresholds, progress: ctx.progress, log, writes });
    const runStart = new Date();

    // Warm-up once, before the first trial; its numbers are kept apart and never merged.
    let warmup: PhaseResult | undefined;
    if (o.warmupS > 0) {
      log(`warm-up: ${o.warmupS}s`);
      warmup = await phase('warmup', o.warmupS);
    }
    const trials: TrialMeasure[] = [];
    const samples: RunSummary['trials'] = [];
    const servers: ServerSide[] = [];
    const sampled: SampledSignals[] = [];
    const notes: string[] = [...(sut.topology?.notes ?? []), ...(warmup?.validity.notes ?? [])];
    const lags: ReplicaLagSummary[] = [];
    let saturated = warmup?.validity.generatorSaturated ?? false;
    let maxLag: number | null = null;
    let maxCpu: number | null = null;
    let dropped: number | null = null;
    let openModel: RunSummary['validity']['openModel'];
    let instances: RunSummary['instances'];
    let t0 = 0;
    let events: FaultEvent[] = [];
    for (let trial = 1; trial <= o.repeat; trial++) {
      log(`measured${o.repeat > 1 ? ` trial ${trial}/${o.repeat}` : ''}: ${o.durationS}s, ${o.driver}`);
      let before = await snapshotServer(probes);
      // The alert signals watched continuously (buffer depth, pool usage, Postgres CPU), every second of the phase.
      const sampler = o.target ? undefined : await startRunSampler({ apiUrl: baseUrl, databaseUrl: services?.postgres.url });
      const lagSampler = sut.sampleReplicaLag?.(); // the replica's lag on the primary, each second of the phase
      t0 = performance.now();
      const faultRun = controls ? runFaults(faults, controls, t0, log) : undefined;
      const m = await phase('measured', o.durationS);
      if (lagSampler) lags.push(await lagSampler.stop());
      if (sampler) sampled.push(await sampler.stop());
      if (faultRun) {
        events = await faultRun.finish();
        before = stitchBefore(before, events);
      }
      const after = await snapshotServer(probes);
      notes.push(...before.errors, ...after.errors, ...m.validity.notes);
      const xCache = sumXCache(m.measure);
      const server = serverSide({ before, after, requests: m.measure.totals.requests, xCache, inProcessCache });
      servers.push(server);
      trials.push(m.measure);
      samples.push(trialSample(m.measure, server.cacheHitRatio));
      saturated ||= m.validity.generatorSaturated;
      maxLag = maxOf(maxLag, m.validity.maxEventLoopLagMs);
      maxCpu = maxOf(maxCpu, m.validity.driverCpuPercent);
      instances = m.instances ?? instances; // the last trial's instances (each trial is its own set of k6 runs)
      if (m.validity.droppedIterations !== null) dropped = (dropped ?? 0) + m.validity.droppedIterations;
      openModel = m.validity.openModel ?? openModel;
    }
    const merged = mergeTrials(trials);
    const server = combineServerSides(servers);
    attachQueriesPerRequest(merged.endpoints, scenario.endpoints, server.routes);
    server.sampled = mergeSampled(sampled);
    if (workload.partitionedTables?.length && schemaUrl) server.partitions = await probePartitions(schemaUrl, workload.partitionedTables);
    notes.push(...sut.unexpectedExits);
    if (inProcessCache) notes.push('Redis was not available: the API used its in-process cache; cache numbers are not Redis numbers.');
    if (saturated) notes.push('The load generator was saturated: latencies include client-side queueing; use fewer connections or a bigger machine.');
    // The API stops (drains, flushes) before its writes are looked up; stopAll later finds it stopped.
    await sut.api?.stop();
    const acked = ledger && check && schemaUrl
      ? await checkAckedWrites({ check, ledger, databaseUrl: schemaUrl, since: runStart, t0, lastFaultAtS: events.at(-1)?.actedAtS ?? events.at(-1)?.atS, ackMode: o.ackMode })
      : undefined;
    const faultRecords = controls ? faultImpact({ events, endpoints: merged.endpoints, totals: merged.totals, durationS: o.durationS, thresholds, lostAckSeconds: acked?.lostAckSeconds }) : undefined;

    const summary: RunSummary = {
      schemaVersion: SUMMARY_SCHEMA_VERSION,
      runId,
      gitCommit: gitCommit(ctx.cwd),
      startedAt,
      endedAt: new Date().toISOString(),
      verdict: 'pass',
      scenario: {
        name: scenario.name,
        workload: workload.name,
        variant: variant.name,
        mix: Object.fromEntries(scenario.endpoints.map((e) => [e.name, e.weight])),
        warmupS: o.warmupS,
        durationS: o.durationS,
      },
      environment: {
        machine: machineInfo(),
        postgres: services ? { kind: services.postgres.kind, version: services.postgres.serverVersion } : undefined,
        redis: services ? { kind: services.redis.kind, version: services.redis.serverVersion } : undefined,
        dataset,
        datasetLoad,
        topology: sut.topology ? { ...sut.topology, replica: { ...sut.topology.replica, lag: mergeLag(lags) } } : undefined,
        driver: o.driver,
        loadModel: scenario.load,
        target: o.target ? redactUrl(o.target) : undefined,
        method: `${o.command}; ${o.repeat} trial(s) of ${o.durationS}s measured after ${o.warmupS}s warm-up; latency per request in HDR histograms (1 µs..120 s, 3 significant digits); server counters as before/after deltas of the measured phase${o.ackMode ? `; write acknowledgement ack=${o.ackMode}` : ''}`,
      },
      warmup: warmup
        ? { requests: warmup.measure.totals.requests, errors: warmup.measure.totals.errors, durationS: o.warmupS, latencyMs: pick3(warmup.measure.totals.latencyMs) }
        : { requests: 0, errors: 0, durationS: 0, latencyMs: { p50: 0, p95: 0, p99: 0 } },
      totals: merged.totals,
      endpoints: merged.endpoints as RunSummary['endpoints'],
      server,
      validity: { warmupExcluded: true, generatorSaturated: saturated, maxEventLoopLagMs: maxLag, driverCpuPercent: maxCpu, droppedIterations: dropped, notes, openModel },
      thresholds: [],
      trials: samples,
      instances,
      faults: faultRecords,
      ackedWrites: acked?.summary,
    };
    summary.thresholds = evaluateThresholds(summary, thresholds);
    const gate = baseline ? regressionGate(baseline, summary, { maxRegression: o.maxRegression }) : undefined;
    const crossed = summary.thresholds.some((t) => !t.ok);
    summary.verdict = crossed || gate?.regressed ? 'fail' : 'pass';
    if (gate?.regressed) summary.validity.notes.push(...gate.reasons.map((r) => `regression vs baseline: ${r}`));

    await stopAll(); // stop the API (it flushes its buffer) and the services before writing
    const { files } = await writeReports(summary, outDir);
    return { summary, outDir, files, exitCode: summary.verdict === 'pass' ? 0 : 99, regressionReasons: gate?.reasons ?? [] };
  } finally {
    await stopAll();
  }
}

function pick3(l: { p50: number; p95: number; p99: number }) {
  return { p50: l.p50, p95: l.p95, p99: l.p99 };
}

function maxOf(a: number | null, b: number | null): number | null {
  if (b === null) return a;
  return a === null ? b : Math.max(a, b);
}

function sumXCache(m: TrialMeasure): { hits: number; misses: number } | undefined {
  let hits = 0;
  let misses = 0;
  let seen = false;
  for (const name of Object.keys(m.endpoints)) {
    const x = m.endpoints[name]?.xCache;
    if (x) {
      seen = true;
      hits += x.hits;
      misses += x.misses;
    }
  }
  return seen ? { hits, misses } : undefined;
}
