/*
 * Signals an alert watches continuously, sampled every second of the measured phase (the before/after probes
 * only see the ends): the API's write-buffer depth (seed 000 "queue backlog > threshold") and its pools' in-use /
 * max connections (seed 001 "Connection pool > 80% full") from /metrics, and the local Postgres server's CPU
 * (seed 001 "Database CPU > 80%", postgresCpu.ts). What cannot be read is null with the reason, never 0.
 */
import type { SampledSignals } from '../model/RunSummary.ts';
import { apiMetrics } from './apiMetrics.ts';
import { openPostgresCpu, type PostgresCpu } from './postgresCpu.ts';

/** Started with one sample already taken. */
export interface RunSampler {
  /** Stops sampling (after one last sample) and returns what was seen. */
  stop(): Promise<SampledSignals>;
}

const maxOf = (a: number | null, b: number | null | undefined): number | null => (b === null || b === undefined ? a : a === null ? b : Math.max(a, b));

export async function startRunSampler(o: { apiUrl?: string | undefined; databaseUrl?: string | undefined; intervalMs?: number | undefined }): Promise<RunSampler> {
  const intervalMs = o.intervalMs ?? 1000;
  const notMeasurable: SampledSignals['notMeasurable'] = {};
  let samples = 0;
  let depthMax: number | null = null;
  let usageMax: number | null = null;
  let waitingMax: number | null = null;
  let sawDepth = false;
  let sawPoolMax = false;
  let apiError: string | undefined;

  let cpu: PostgresCpu | undefined;
  if (o.databaseUrl) {
    const c = await openPostgresCpu(o.databaseUrl);
    if ('notMeasurable' in c) notMeasurable.dbCpuPercent = c.notMeasurable;
    else cpu = c;
  } else {
    notMeasurable.dbCpuPercent = 'the run has no database of its own (--target)';
  }
  const t0 = performance.now();
  let lastCpu = { atMs: t0, cpuS: 0 };
  let cpuSecondMax: number | null = null;

  const sample = async (): Promise<void> => {
    samples++;
    if (o.apiUrl) {
      try {
        const m = await apiMetrics(o.apiUrl);
        if (m.bufferDepth !== null) {
          sawDepth = true;
          depthMax = maxOf(depthMax, m.bufferDepth);
        }
        for (const p of Object.values(m.pools ?? {})) {
          waitingMax = maxOf(waitingMax, p.waiting);
          if (p.max !== null && p.max > 0) {
            sawPoolMax = true;
            usageMax = maxOf(usageMax, (p.total - p.idle) / p.max);
          }
        }
      } catch (err) {
        apiError = (err as Error).message;
      }
    }
    if (cpu) {
      const cpuS = await cpu.read();
      const now = performance.now();
      if (now - lastCpu.atMs >= 500) cpuSecondMax = maxOf(cpuSecondMax, percent(cpuS - lastCpu.cpuS, now - lastCpu.atMs, cpu.cpus));
      lastCpu = { atMs: now, cpuS };
    }
  };
  const percent = (cpuS: number, ms: number, cpus: number) => Math.round((cpuS / (ms / 1000) / cpus) * 1000) / 10;

  // The first sample is taken before the sampler is handed back; then one at a time: a slow scrape skips ticks
  // instead of piling them up behind it.
  await sample();
  let busy = false;
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = sample().catch(() => undefined).finally(() => (busy = false));
  }, intervalMs);

  return {
    async stop() {
      clearInterval(timer);
      await running;
      await sample();
      const wallMs = performance.now() - t0;
      if (!o.apiUrl) {
        notMeasurable.writeBufferDepthMax = notMeasurable.poolUsageMax = 'the run drove no API of its own (--target): its /metrics were not read';
      } else {
        if (!sawDepth) notMeasurable.writeBufferDepthMax = apiError ? `GET /metrics failed: ${apiError}` : 'the API reports no write-buffer depth (scaleproof_write_buffer_depth)';
        if (!sawPoolMax) notMeasurable.poolUsageMax = apiError ? `GET /metrics failed: ${apiError}` : 'the API reports no pool size (scaleproof_pg_pool_max_connections)';
      }
      return {
        samples,
        writeBufferDepthMax: sawDepth ? depthMax : null,
        poolUsageMax: sawPoolMax ? usageMax : null,
        poolWaitingMax: waitingMax,
        dbCpuPercent: cpu && wallMs > 0 ? percent(lastCpu.cpuS, wallMs, cpu.cpus) : null,
        dbCpuPercentMaxSecond: cpuSecondMax,
        notMeasurable,
      };
    },
  };
}

/** Several trials' samples: the worst of each signal (an alert fires on any trial). */
export function mergeSampled(list: readonly SampledSignals[]): SampledSignals | undefined {
  if (list.length <= 1) return list[0];
  const worst = (pick: (s: SampledSignals) => number | null) => list.reduce<number | null>((m, s) => maxOf(m, pick(s)), null);
  return {
    samples: list.reduce((a, s) => a + s.samples, 0),
    writeBufferDepthMax: worst((s) => s.writeBufferDepthMax),
    poolUsageMax: worst((s) => s.poolUsageMax),
    poolWaitingMax: worst((s) => s.poolWaitingMax),
    dbCpuPercent: worst((s) => s.dbCpuPercent),
    dbCpuPercentMaxSecond: worst((s) => s.dbCpuPercentMaxSecond),
    notMeasurable: Object.assign({}, ...list.map((s) => s.notMeasurable)) as SampledSignals['notMeasurable'],
  };
}
