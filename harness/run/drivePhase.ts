/*
 * One phase of load (warm-up or a measured trial) through the chosen driver, in the shape the orchestrator
 * folds into the summary. k6 runs each phase as its own k6 invocation (no warm-up scenario inside it), so the
 * server probes taken between phases bracket exactly the measured traffic, as with autocannon.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LoadModel, RunSummary } from '../model/RunSummary.ts';
import type { Scenario } from '../../scenarios/Scenario.ts';
import type { ThresholdSet } from '../judge/ThresholdSet.ts';
import { runAutocannonPhase } from '../drive/autocannon/runAutocannonPhase.ts';
import { runOpenPhase } from '../drive/open/runOpenPhase.ts';
import { formatProgress } from '../drive/autocannon/DriveProgress.ts';
import type { KeySampler } from '../drive/autocannon/createResponseTracker.ts';
import { runK6 } from '../drive/k6/runK6.ts';
import { runK6Instances } from '../drive/k6/runK6Instances.ts';
import { mergeK6Shards } from '../merge/mergeK6Shards.ts';
import type { InstancesBlock } from '../model/RunSummary.ts';
import { parseK6Points } from '../drive/k6/parseK6Points.ts';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import type { TrialMeasure } from './mergeTrials.ts';
import type { WriteLedger } from '../faults/WriteLedger.ts';

/** Keys handed to k6 (cycled by the script); enough that the skew, not the list, decides what is hot. */
const K6_KEYS = 50_000;

export interface DrivePhaseOptions {
  scenario: Scenario;
  /** The workload's endpoint table module (absolute path): the generic k6 script imports it. */
  endpointsModule: string;
  baseUrl: string;
  sampler: KeySampler;
  phase: 'warmup' | 'measured';
  durationS: number;
  driver: 'autocannon' | 'k6';
  k6Bin?: string | undefined;
  /** k6 only: local k6 processes to split the phase over (execution segments); 1 or unset = one k6 run. */
  k6Instances?: number | undefined;
  /** Given to k6 for its own verdicts on measured phases (ours are computed separately). */
  thresholds?: ThresholdSet | undefined;
  progress: (line: string) => void;
  log: (line: string) => void;
  /** Closed-model autocannon only: endpoints whose writes carry ids, entered in the ledger when answered 2xx. */
  writes?: { endpoints: readonly string[]; ledger: WriteLedger } | undefined;
}

export interface PhaseResult {
  measure: TrialMeasure;
  validity: Pick<RunSummary['validity'], 'generatorSaturated' | 'maxEventLoopLagMs' | 'driverCpuPercent' | 'droppedIterations' | 'notes' | 'openModel'>;
  /** Set when the phase ran as several k6 instances: each one's own counts. */
  instances?: InstancesBlock | undefined;
}

export async function drivePhase(o: DrivePhaseOptions): Promise<PhaseResult> {
  if (o.driver === 'k6' && (o.k6Instances ?? 1) > 1) return driveK6Instances(o);
  if (o.driver === 'k6') return driveK6(o);
  return o.scenario.load.kind === 'open' ? driveOpen(o, o.scenario.load) : driveAutocannon(o);
}

/** --rate: the open-model driver (CO-correct); autocannon's overallRate is bounded by its connections. */
async function driveOpen(o: DrivePhaseOptions, load: Extract<LoadModel, { kind: 'open' }>): Promise<PhaseResult> {
  const r = await runOpenPhase({
    scenario: o.scenario,
    baseUrl: o.baseUrl,
    sampler: o.sampler,
    phase: o.phase,
    durationS: o.durationS,
    ratePerSecond: load.ratePerSecond,
    maxConnections: load.connections,
    arrivals: load.arrivals,
    onProgress: (p) => o.progress(formatProgress(p)),
  });
  const om = r.openModel;
  const headline = `${o.phase}: open model (${om.arrivals} arrivals at ${om.ratePerSecond}/s, up to ${om.maxConnections} connections): achieved/offered ${om.achievedRatio ?? '-'}, schedule lag p99 ${om.scheduleLagMs.p99} ms, ${om.late} late, ${om.dropped} dropped, ${om.invalidWindows} of ${om.windows.length} windows invalid`;
  return {
    measure: { endpoints: r.endpoints, totals: r.totals, durationS: r.durationS },
    validity: {
      generatorSaturated: r.saturation.generatorSaturated,
      maxEventLoopLagMs: r.saturation.maxEventLoopLagMs,
      driverCpuPercent: r.saturation.driverCpuPercent,
      droppedIterations: r.droppedIterations,
      notes: [headline, ...r.notes, ...r.saturation.notes.map((n) => `${o.phase}: ${n}`)],
      openModel: om,
    },
  };
}

async function driveAutocannon(o: DrivePhaseOptions): Promise<PhaseResult> {
  const r = await runAutocannonPhase({
    scenario: o.scenario,
    baseUrl: o.baseUrl,
    sampler: o.sampler,
    phase: o.phase,
    durationS: o.durationS,
    onProgress: (p) => o.progress(formatProgress(p)),
    writes: o.writes && {
      ledger: o.writes.ledger,
      endpoints: new Set(o.scenario.endpoints.flatMap((e, i) => (o.writes!.endpoints.includes(e.name) ? [i] : []))),
    },
  });
  return {
    measure: { endpoints: r.endpoints, totals: r.totals, durationS: r.durationS },
    validity: {
      generatorSaturated: r.saturation.generatorSaturated,
      maxEventLoopLagMs: r.saturation.maxEventLoopLagMs,
      driverCpuPercent: r.saturation.driverCpuPercent,
      droppedIterations: r.droppedIterations,
      notes: [...r.notes, ...r.saturation.notes].map((n) => `${o.phase}: ${n}`),
    },
  };
}

async function driveK6(o: DrivePhaseOptions): Promise<PhaseResult> {
  if (!o.k6Bin) throw new ScaleproofError('SP_K6_MISSING', 'k6 was not resolved before the run; set K6_BIN or put k6 on PATH');
  const keys = Array.from({ length: K6_KEYS }, () => o.sampler.next());
  const load: LoadModel = o.scenario.load;
  const run = await runK6({
    k6Path: o.k6Bin,
    endpointsModule: o.endpointsModule,
    baseUrl: o.baseUrl,
    keys,
    mix: Object.fromEntries(o.scenario.endpoints.map((e) => [e.name, e.weight])),
    load,
    warmupS: 0,
    durationS: o.durationS,
    thresholds: o.phase === 'measured' ? (o.thresholds ?? {}) : {},
    onLine: (line) => {
      if (/running \(|\[\s*\d+%\s*\]/.test(line)) o.progress(`[${o.phase} k6] ${line.trim()}`);
      else if (/level=(error|warning)/.test(line)) o.log(`k6: ${line.trim()}`);
    },
  });
  const p = await parseK6Points(run.files.points, { durationS: o.durationS });
  for (const [name, x] of Object.entries(p.xCache)) {
    const e = p.endpoints[name];
    if (e && !e.xCache) e.xCache = x;
  }
  const notes = [`${o.phase}: k6 exit code ${run.exitCode}${run.thresholdsCrossed ? ' (k6 judged a threshold crossed)' : ''}; k6 files in ${run.workDir}`];
  if (p.badLines > 0) notes.push(`${o.phase}: ${p.badLines} unparseable k6 output lines skipped`);
  return {
    measure: { endpoints: p.endpoints, totals: p.totals, durationS: p.durationS },
    validity: { generatorSaturated: p.droppedIterations.measured > 0, maxEventLoopLagMs: null, driverCpuPercent: null, droppedIterations: p.droppedIterations.measured, notes },
  };
}

/** The phase as N local k6 instances (segments of one test, started together), merged like bench:merge. */
async function driveK6Instances(o: DrivePhaseOptions): Promise<PhaseResult> {
  if (!o.k6Bin) throw new ScaleproofError('SP_K6_MISSING', 'k6 was not resolved before the run; set K6_BIN or put k6 on PATH');
  const keys = Array.from({ length: K6_KEYS }, () => o.sampler.next());
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), `scaleproof-k6-${o.phase}-`));
  const run = await runK6Instances({
    k6Path: o.k6Bin,
    instances: o.k6Instances ?? 1,
    endpointsModule: o.endpointsModule,
    baseUrl: o.baseUrl,
    keys,
    mix: Object.fromEntries(o.scenario.endpoints.map((e) => [e.name, e.weight])),
    load: o.scenario.load,
    warmupS: 0,
    durationS: o.durationS,
    thresholds: o.phase === 'measured' ? (o.thresholds ?? {}) : {},
    workDir,
    onLine: (line, _stream, i) => {
      if (/running \(|\[\s*\d+%\s*\]/.test(line)) o.progress(`[${o.phase} k6 ${i}/${o.k6Instances}] ${line.trim()}`);
      else if (/level=(error|warning)/.test(line)) o.log(`k6 ${i}: ${line.trim()}`);
    },
  });
  const m = await mergeK6Shards(run.runs.map((r) => r.files.points));
  for (const [name, x] of Object.entries(m.xCache)) {
    const e = m.measure.endpoints[name];
    if (e && !e.xCache) e.xCache = x;
  }
  const measure = { ...m.measure, durationS: o.durationS, totals: { ...m.measure.totals, throughputRps: m.measure.totals.requests / o.durationS } };
  for (const e of Object.values(measure.endpoints)) e.throughputRps = e.requests / o.durationS;
  const notes = [`${o.phase}: ${run.runs.length} k6 instances (test ${run.testId}, segments ${run.sequence}) started together; k6 files in ${workDir}`];
  return {
    measure,
    validity: { generatorSaturated: m.droppedIterations > 0, maxEventLoopLagMs: null, driverCpuPercent: null, droppedIterations: m.droppedIterations, notes },
    instances: m.instances,
  };
}
