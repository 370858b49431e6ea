/*
 * One phase (warm-up or measured) of load: a single autocannon run with dynamic requests. Every request gets a
 * fresh key and an endpoint drawn by the mix; every response lands in our own per-endpoint HDR histograms
 * (LatencyRecorder), because autocannon's result is one histogram for everything and has no p95.
 *
 * Load models and their limits:
 * - closed: `connections` connections each keep `pipelining` requests in flight. Coordinated omission: when the
 *   server stalls, the driver stops sending instead of queueing, so the requests that would have waited are
 *   never sent and latency percentiles under-report what users arriving at a steady rate would see.
 * - open: autocannon's overallRate. It is still bounded by connections (each connection waits for its response
 *   before sending again; autocannon lowers connections to the rate when the rate is smaller), and it releases
 *   each connection's per-second quota at once, so arrivals are bursty, not Poisson. When the server falls
 *   behind, the missing sends are dropped (reported as droppedIterations), not queued; their latency is missing.
 *   autocannon's own coordinated-omission correction uses a 1 ms expected interval, so we do not copy it.
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { Scenario } from '../../../scenarios/Scenario.ts';
import { ScaleproofError } from '../../errors/ScaleproofError.ts';
import type { EndpointSummary, LoadModel } from '../../model/RunSummary.ts';
import { LatencyRecorder, type ResponseSample } from '../LatencyRecorder.ts';
import { autocannonTotalsOf, type AutocannonTotals } from './AutocannonTotals.ts';
import { createEndpointPicker } from './createEndpointPicker.ts';
import { createResponseTracker, type KeySampler, type ResponseTrackerOptions, type XCache } from './createResponseTracker.ts';
import { createSaturationMonitor, type SaturationReport } from './createSaturationMonitor.ts';
import { fixedHeaderLines } from './serializeRequest.ts';
import type { DriveProgress } from './DriveProgress.ts';
import { RecentLatencies } from './RecentLatencies.ts';
import { validatePhaseOptions } from './validatePhaseOptions.ts';

export type Phase = 'warmup' | 'measured';

/** Header on every request so a server (and our tests) can tell warm-up from measured traffic. */
export const PHASE_HEADER = 'x-scaleproof-phase';

export interface PhaseOptions {
  scenario: Scenario;
  /** http(s)://host:port[/prefix]; request paths are appended to the prefix. */
  baseUrl: string;
  sampler: KeySampler;
  phase: Phase;
  durationS: number;
  /** Stop after exactly this many requests instead of after durationS (no request is cut off mid-flight). */
  amount?: number | undefined;
  /** Defaults to scenario.load. */
  load?: LoadModel | undefined;
  /** Seconds before a request counts as timed out (autocannon reconnects). Default 10. */
  timeoutS?: number | undefined;
  onProgress?: ((p: DriveProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Writes to tag with ids and ledger (see createResponseTracker). */
  writes?: ResponseTrackerOptions['writes'];
}

export interface PhaseResult {
  phase: Phase;
  /** Wall time of the phase (s); throughput is requests over this. */
  durationS: number;
  endpoints: Record<string, EndpointSummary>;
  totals: EndpointSummary;
  autocannonTotals: AutocannonTotals;
  saturation: SaturationReport;
  /** Open model: planned arrivals that were never sent; null for the closed model. */
  droppedIterations: number | null;
  /** Requests in flight when the phase stopped (neither answered nor failed). */
  cutOff: number;
  notes: string[];
}

export const PHASE_SALT: Record<Phase, number> = { warmup: 0x9e3779b9, measured: 0x85ebca6b };

export async function runAutocannonPhase(opts: PhaseOptions): Promise<PhaseResult> {
  const load = opts.load ?? opts.scenario.load;
  const { url, host, pathPrefix } = validatePhaseOptions(opts, load);
  const endpoints = opts.scenario.endpoints;
  const names = endpoints.map((e) => e.name);
  const expected = endpoints.map((e) => e.expectedStatuses);
  // Each phase draws its own endpoint sequence, so the measured sequence does not depend on the warm-up's length.
  const picker = createEndpointPicker(
    endpoints.map((e) => e.weight),
    (opts.scenario.keys.seed ^ PHASE_SALT[opts.phase]) >>> 0,
  );

  const startEpochMs = Date.now();
  const epochAtPerfZero = startEpochMs - performance.now(); // epoch ms = this + performance.now(), without a Date.now() per response
  const recorder = new LatencyRecorder(startEpochMs);
  const recent = new RecentLatencies();
  const sample: ResponseSample = { endpoint: '', status: 0, latencyMs: 0, atMs: 0, failed: false, xCache: undefined };

  // Hot path: one call per response; reuses one sample object.
  const onSample = (ep: number, status: number, latencyMs: number, xCache: XCache | undefined, endMs: number) => {
    sample.endpoint = names[ep]!;
    sample.status = status;
    sample.latencyMs = latencyMs;
    sample.atMs = epochAtPerfZero + endMs;
    sample.failed = status === 0 || !expected[ep]!.includes(status);
    sample.xCache = xCache;
    recorder.record(sample);
    recent.add(latencyMs);
  };
  const headerLines = fixedHeaderLines(host, { [PHASE_HEADER]: opts.phase });
  const tracker = createResponseTracker({ endpoints, picker, sampler: opts.sampler, pathPrefix, headerLines, onSample, writes: opts.writes });

  const monitor = createSaturationMonitor();
  const startMs = performance.now();
  let elapsedS = 0;
  const ticker = setInterval(() => {
    monitor.sample();
    elapsedS++;
    const rps = recent.count;
    const p95Ms = recent.take(95);
    opts.onProgress?.({ phase: opts.phase, elapsedS, durationS: opts.amount ? null : opts.durationS, requests: recorder.requests, rps, p95Ms, errors: recorder.errors });
  }, 1000);

  let result: autocannon.Result;
  try {
    result = await new Promise<autocannon.Result>((resolve, reject) => {
      const acOpts: autocannon.Options = {
        url,
        connections: load.connections,
        pipelining: load.kind === 'closed' ? load.pipelining : 1,
        duration: opts.durationS,
        timeout: opts.timeoutS ?? 10,
        // Requests are written by the tracker (setupClient); autocannon's own static request is never sent.
        setupClient: tracker.setupClient,
      };
      if (opts.amount) acOpts.amount = opts.amount;
      if (load.kind === 'open') acOpts.overallRate = load.ratePerSecond;
      let instance: autocannon.Instance;
      try {
        instance = autocannon(acOpts, (err: unknown, r: autocannon.Result) => (err ? reject(err) : resolve(r)));
      } catch (err) {
        reject(err);
        return;
      }
      if (opts.signal) {
        if (opts.signal.aborted) instance.stop();
        else opts.signal.addEventListener('abort', () => instance.stop(), { once: true });
      }
    });
  } catch (err) {
    monitor.stop();
    if (err instanceof ScaleproofError) throw err;
    throw new ScaleproofError('SP_INTERNAL', `autocannon failed during the ${opts.phase} phase: ${(err as Error).message}`, { phase: opts.phase }, { cause: err });
  } finally {
    clearInterval(ticker);
  }
  const durationS = (performance.now() - startMs) / 1000;
  const saturation = monitor.stop();
  const { endpoints: perEndpoint, totals } = recorder.summarize(durationS);
  const autocannonTotals = autocannonTotalsOf(result, tracker.sent);

  const notes: string[] = [];
  const answered = totals.requests - (totals.statusCounts.error ?? 0);
  if (answered !== autocannonTotals.completed) {
    notes.push(`${opts.phase}: our response count (${answered}) differs from autocannon's (${autocannonTotals.completed}); the per-endpoint numbers may be misattributed.`);
  }
  if (tracker.orphans > 0) notes.push(`${opts.phase}: ${tracker.orphans} responses arrived with no pending request on their connection and were not recorded.`);
  let droppedIterations: number | null = null;
  if (load.kind === 'open') {
    const planned = Math.round(load.ratePerSecond * durationS);
    droppedIterations = opts.amount ? 0 : Math.max(0, planned - tracker.sent);
    if (droppedIterations > 0.01 * planned) {
      notes.push(
        `${opts.phase}: open model sent ${tracker.sent} of ~${planned} planned requests (${load.ratePerSecond}/s); ${droppedIterations} arrivals were dropped ` +
          `because ${load.connections} connections could not keep up, so latency under-reports (coordinated omission). Add connections or lower the rate.`,
      );
    }
  }
  return { phase: opts.phase, durationS, endpoints: perEndpoint, totals, autocannonTotals, saturation, droppedIterations, cutOff: tracker.cutOff, notes };
}
