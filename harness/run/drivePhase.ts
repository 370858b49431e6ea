/*
 * One phase of load (warm-up or a measured trial) through the chosen driver, in the shape the orchestrator
 * folds into the summary. k6 runs each phase as its own k6 invocation (no warm-up scenario inside it), so the
 * server probes taken between phases bracket exactly the measured traffic, as with autocannon.
 */
import type { LoadModel, RunSummary } from '../model/RunSummary.ts';
import type { Scenario } from '../../scenarios/Scenario.ts';
import type { ThresholdSet } from '../judge/ThresholdSet.ts';
import { runAutocannonPhase } from '../drive/autocannon/runAutocannonPhase.ts';
import { formatProgress } from '../drive/autocannon/DriveProgress.ts';
import type { KeySampler } from '../drive/autocannon/createResponseTracker.ts';
import { runK6 } from '../drive/k6/runK6.ts';
import { parseK6Points } from '../drive/k6/parseK6Points.ts';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import type { TrialMeasure } from './mergeTrials.ts';

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
  /** Given to k6 for its own verdicts on measured phases (ours are computed separately). */
  thresholds?: ThresholdSet | undefined;
  progress: (line: string) => void;
  log: (line: string) => void;
}

export interface PhaseResult {
  measure: TrialMeasure;
  validity: Pick<RunSummary['validity'], 'generatorSaturated' | 'maxEventLoopLagMs' | 'driverCpuPercent' | 'droppedIterations' | 'notes'>;
}

export async function drivePhase(o: DrivePhaseOptions): Promise<PhaseResult> {
  return o.driver === 'k6' ? driveK6(o) : driveAutocannon(o);
}

async function driveAutocannon(o: DrivePhaseOptions): Promise<PhaseResult> {
  const r = await runAutocannonPhase({
    scenario: o.scenario,
    baseUrl: o.baseUrl,
    sampler: o.sampler,
    phase: o.phase,
    durationS: o.durationS,
    onProgress: (p) => o.progress(formatProgress(p)),
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
