/*
 * Injects a run's faults during its measured phase, one after another at their times, and records what was done
 * and when (seconds since the phase began, on performance.now()). From the action on, a real request of the
 * workload is sent every 100 ms until it is answered as expected (the first success: an API that rides out a
 * Redis outage answers at once, a killed one only once it is back), while the service is brought back.
 * The API's and Redis's counters are read around each fault, because a restart resets them (the run's
 * before/after deltas are stitched from these segments) and the hit ratio before and after Redis returns is a
 * fault's own figure.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiMetricsSnapshot } from '../probe/apiMetrics.ts';
import type { RedisInfoSnapshot } from '../probe/redisInfo.ts';
import type { ServiceOutage } from '../services/ServiceHandle.ts';
import type { FaultSpec } from './FaultSpec.ts';

export interface FaultControls {
  api?: { kill(): Promise<void>; term(): Promise<void>; start(): Promise<void> } | undefined;
  redis?: ServiceOutage | undefined;
  postgres?: ServiceOutage | undefined;
  /** One real request of the workload: true when answered with a status the endpoint expects. */
  probe(): Promise<boolean>;
  apiCounters(): Promise<ApiMetricsSnapshot | undefined>;
  redisCounters(): Promise<RedisInfoSnapshot | undefined>;
}

export interface FaultEvent {
  spec: FaultSpec;
  method: string;
  /** When the action began, seconds into the measured phase. */
  atS: number;
  /** When the action was done (the API process gone, the service down): writes acknowledged before it are this fault's to lose. */
  actedAtS: number | null;
  /** When the service was back (restarted, up again), or null if bringing it back failed. */
  restoredAtS: number | null;
  /** The probe's first expected answer after the action, or null if none came before the deadline. */
  firstSuccessAtS: number | null;
  /** API counters just before the action, at restore, and at the end of this fault's window (next fault or run end). */
  api: { start?: ApiMetricsSnapshot | undefined; restored?: ApiMetricsSnapshot | undefined; end?: ApiMetricsSnapshot | undefined };
  /** Redis INFO just before the action (a redis-down restart resets the server's counters). */
  redisStart?: RedisInfoSnapshot | undefined;
  error?: string | undefined;
}

const PROBE_EVERY_MS = 100;
const PROBE_DEADLINE_MS = 60_000;

const METHODS: Record<string, string> = {
  'api-kill': 'SIGKILL of the API process (a crash: nothing drained), then a new API process on the same port',
  'api-term': 'SIGTERM of the API process (it drains and flushes), then a new API process on the same port',
};

export interface FaultRun {
  /** Waits for every fault to have been done and recovered (or given up), then closes the last window. */
  finish(): Promise<FaultEvent[]>;
}

/** Starts the schedule now: `t0` (performance.now() ms) is the measured phase's start. */
export function runFaults(specs: readonly FaultSpec[], controls: FaultControls, t0: number, log: (line: string) => void): FaultRun {
  const events: FaultEvent[] = [];
  const sinceStart = () => (performance.now() - t0) / 1000;
  const loop = (async () => {
    for (const spec of [...specs].sort((a, b) => a.atS - b.atS)) {
      const wait = t0 + spec.atS * 1000 - performance.now();
      if (wait > 0) await sleep(wait);
      const [apiNow, redisNow] = await Promise.all([controls.apiCounters(), controls.redisCounters()]);
      const prev = events.at(-1);
      if (prev) prev.api.end = apiNow;
      const event: FaultEvent = { spec, method: methodOf(spec, controls), atS: sinceStart(), actedAtS: null, restoredAtS: null, firstSuccessAtS: null, api: { start: apiNow }, redisStart: redisNow };
      events.push(event);
      log(`fault ${spec.spec}: ${event.method}`);
      try {
        await act(spec, controls);
        event.actedAtS = sinceStart();
        const restored = { atMs: Infinity };
        const probing = firstSuccess(controls, sinceStart, restored);
        try {
          await restore(spec, controls);
        } finally {
          restored.atMs = performance.now();
        }
        event.restoredAtS = sinceStart();
        event.api.restored = await controls.apiCounters();
        event.firstSuccessAtS = await probing;
        log(`fault ${spec.spec}: back after ${(event.restoredAtS - event.atS).toFixed(2)} s; first success after ${event.firstSuccessAtS === null ? 'none' : `${(event.firstSuccessAtS - event.atS).toFixed(2)} s`}`);
      } catch (err) {
        event.error = (err as Error).message;
        log(`fault ${spec.spec}: FAILED: ${event.error}`);
      }
    }
  })();
  return {
    finish: async () => {
      await loop;
      const last = events.at(-1);
      if (last) last.api.end = await controls.apiCounters();
      return events;
    },
  };
}

function methodOf(spec: FaultSpec, c: FaultControls): string {
  if (spec.kind === 'redis-down') return c.redis?.method ?? 'none';
  if (spec.kind === 'pg-restart') return c.postgres?.method ?? 'none';
  return METHODS[spec.kind]!;
}

function outageOf(spec: FaultSpec, c: FaultControls): ServiceOutage {
  const outage = spec.kind === 'redis-down' ? c.redis : c.postgres;
  if (!outage) throw new Error(`no ${spec.kind === 'redis-down' ? 'Redis' : 'Postgres'} of the harness to fault`);
  return outage;
}

/** The fault itself: the API killed or terminated, or the service taken down. */
async function act(spec: FaultSpec, c: FaultControls): Promise<void> {
  if (spec.kind === 'api-kill' || spec.kind === 'api-term') {
    if (!c.api) throw new Error('no API process of the harness to fault');
    await (spec.kind === 'api-kill' ? c.api.kill() : c.api.term());
    return;
  }
  await outageOf(spec, c).down();
}

/** Held down for the spec's +D, then brought back (the API restarted on its port, the service up again). */
async function restore(spec: FaultSpec, c: FaultControls): Promise<void> {
  if (spec.downS > 0) await sleep(spec.downS * 1000);
  if (spec.kind === 'api-kill' || spec.kind === 'api-term') await c.api!.start();
  else await outageOf(spec, c).up();
}

/** Probes from the action until an expected answer, giving up PROBE_DEADLINE_MS after the service was back. */
async function firstSuccess(c: FaultControls, sinceStart: () => number, restored: { atMs: number }): Promise<number | null> {
  while (performance.now() < restored.atMs + PROBE_DEADLINE_MS) {
    if (await c.probe().catch(() => false)) return sinceStart();
    await sleep(PROBE_EVERY_MS);
  }
  return null;
}
