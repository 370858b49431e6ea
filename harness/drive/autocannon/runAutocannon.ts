/*
 * The autocannon driver: a warm-up phase, then the measured phase, each its own autocannon run. Warm-up
 * numbers come back on their own and are never merged into the measured ones (autocannon's own `warmup`
 * option does the same). The result drops into RunSummary: measured endpoints/totals, warm-up, validity.
 */
import type { EndpointSummary, LoadModel, RunSummary } from '../../model/RunSummary.ts';
import type { Scenario } from '../../../scenarios/Scenario.ts';
import type { AutocannonTotals } from './AutocannonTotals.ts';
import type { KeySampler } from './createResponseTracker.ts';
import type { DriveProgress } from './DriveProgress.ts';
import { runAutocannonPhase, type PhaseResult } from './runAutocannonPhase.ts';

export interface RunAutocannonOptions {
  scenario: Scenario;
  baseUrl: string;
  /** Keys for every request (seeders/keySampler.ts createKeySampler); warm-up and measured draw from the same stream. */
  sampler: KeySampler;
  /** Overrides scenario.load (connections, pipelining, open-model rate). */
  load?: LoadModel | undefined;
  timeoutS?: number | undefined;
  /** Stop a phase after a request count instead of its duration (smoke runs, tests that compare exact counts). */
  amounts?: { warmup?: number | undefined; measured?: number | undefined } | undefined;
  onProgress?: ((p: DriveProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface AutocannonRunResult {
  loadModel: LoadModel;
  /** Shaped as RunSummary.warmup. */
  warmup: RunSummary['warmup'];
  /** The whole warm-up phase, for whoever wants more than the summary; null when no warm-up ran. */
  warmupPhase: PhaseResult | null;
  measured: { endpoints: Record<string, EndpointSummary>; totals: EndpointSummary };
  autocannonTotals: AutocannonTotals;
  validity: RunSummary['validity'];
  durationS: number;
  /** The measured phase in full (saturation windows, cut-off requests). */
  measuredPhase: PhaseResult;
}

export async function runAutocannon(opts: RunAutocannonOptions): Promise<AutocannonRunResult> {
  const { scenario } = opts;
  const load = opts.load ?? scenario.load;
  const common = { scenario, baseUrl: opts.baseUrl, sampler: opts.sampler, load, timeoutS: opts.timeoutS, onProgress: opts.onProgress, signal: opts.signal };

  const warmupAmount = opts.amounts?.warmup;
  const runWarmup = warmupAmount !== undefined ? warmupAmount > 0 : scenario.warmupS > 0;
  const warmupPhase = runWarmup ? await runAutocannonPhase({ ...common, phase: 'warmup', durationS: scenario.warmupS, amount: warmupAmount }) : null;
  const measured = await runAutocannonPhase({ ...common, phase: 'measured', durationS: scenario.durationS, amount: opts.amounts?.measured });

  const notes = [...(warmupPhase?.notes ?? []), ...measured.notes, ...measured.saturation.notes];
  if (!warmupPhase) notes.push('no warm-up phase ran: the measured phase includes cold caches and connection set-up.');
  if (warmupPhase?.saturation.generatorSaturated) notes.push('the load generator was also saturated during warm-up.');

  return {
    loadModel: load,
    warmup: warmupPhase
      ? {
          requests: warmupPhase.totals.requests,
          errors: warmupPhase.totals.errors,
          durationS: warmupPhase.durationS,
          latencyMs: { p50: warmupPhase.totals.latencyMs.p50, p95: warmupPhase.totals.latencyMs.p95, p99: warmupPhase.totals.latencyMs.p99 },
        }
      : { requests: 0, errors: 0, durationS: 0, latencyMs: { p50: 0, p95: 0, p99: 0 } },
    warmupPhase,
    measured: { endpoints: measured.endpoints, totals: measured.totals },
    autocannonTotals: measured.autocannonTotals,
    validity: {
      warmupExcluded: true,
      generatorSaturated: measured.saturation.generatorSaturated,
      maxEventLoopLagMs: measured.saturation.maxEventLoopLagMs,
      driverCpuPercent: measured.saturation.driverCpuPercent,
      droppedIterations: measured.droppedIterations,
      notes,
    },
    durationS: measured.durationS,
    measuredPhase: measured,
  };
}
