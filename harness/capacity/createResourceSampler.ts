/*
 * Samples, once a second during a step's measured part, what could run out first:
 * - the API: CPU (its /metrics process_cpu_seconds_total), event-loop lag p99, database pool waiting / total;
 * - Postgres: pg_stat_activity of the API's connections (application_name scaleproof-api-*): active backends and
 *   their wait events, and those backends' CPU from /proc (same machine only);
 * - Redis: INFO ops/s and its CPU (used_cpu_user + used_cpu_sys);
 * - the driver (this process) and the whole machine.
 * Every probe that fails leaves its figure null; the sampler never stops a step.
 */
import os from 'node:os';
import pg from 'pg';
import { Redis } from 'ioredis';
import type { SaturationSample } from '../model/CapacityReport.ts';
import { machineCpu, processCpuSeconds } from './procCpu.ts';

export interface ResourceTargets {
  apiUrl?: string | undefined;
  databaseUrl?: string | undefined;
  redisUrl?: string | undefined;
}

export interface ResourceSampler {
  start(): void;
  stop(): Promise<SaturationSample>;
  close(): Promise<void>;
}

const WANTED = new Set(['scaleproof_process_cpu_seconds_total', 'scaleproof_nodejs_eventloop_lag_p99_seconds', 'scaleproof_pg_pool_waiting_clients', 'scaleproof_pg_pool_total_connections']);

/**
 * The four metrics sampled, summed over their label sets, from Prometheus text: a line scan instead of a full
 * parse, because the API's /metrics carries every route's histogram and this runs every second under load.
 */
export function wantedMetrics(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('scaleproof_')) continue;
    const end = line.search(/[{ ]/);
    const name = end < 0 ? line : line.slice(0, end);
    if (!WANTED.has(name)) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) out.set(name, (out.get(name) ?? 0) + value);
  }
  return out;
}

interface Raw {
  atS: number;
  apiCpuS: number | null;
  apiLagP99S: number | null;
  poolWaiting: number | null;
  poolTotal: number | null;
  pgActive: number | null;
  pgWaits: Record<string, number>;
  pgCpuByPid: Map<number, number>;
  redisOps: number | null;
  redisCpuS: number | null;
  driverCpuS: number;
  machine: { busy: number; total: number } | null;
}


export function createResourceSampler(t: ResourceTargets): ResourceSampler {
  const pgClient = t.databaseUrl ? new pg.Client({ connectionString: t.databaseUrl }) : undefined;
  const pgReady = pgClient?.connect().then(() => true, () => false);
  pgClient?.on('error', () => undefined);
  const redis = t.redisUrl ? new Redis(t.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1, connectTimeout: 3000 }) : undefined;
  redis?.on('error', () => undefined);
  let raws: Raw[] = [];
  let timer: NodeJS.Timeout | undefined;
  let pending: Promise<void> = Promise.resolve();

  const take = async (): Promise<Raw> => {
    const cpu = process.cpuUsage();
    const raw: Raw = {
      atS: performance.now() / 1000, apiCpuS: null, apiLagP99S: null, poolWaiting: null, poolTotal: null, pgActive: null, pgWaits: {},
      pgCpuByPid: new Map(), redisOps: null, redisCpuS: null, driverCpuS: (cpu.user + cpu.system) / 1e6, machine: machineCpu(),
    };
    await Promise.all([
      t.apiUrl
        ? fetch(`${t.apiUrl}/metrics`, { signal: AbortSignal.timeout(2000) })
            .then((r) => (r.ok ? r.text() : ''))
            .then((text) => {
              const m = wantedMetrics(text);
              raw.apiCpuS = m.get('scaleproof_process_cpu_seconds_total') ?? null;
              raw.apiLagP99S = m.get('scaleproof_nodejs_eventloop_lag_p99_seconds') ?? null;
              raw.poolWaiting = m.get('scaleproof_pg_pool_waiting_clients') ?? null;
              raw.poolTotal = m.get('scaleproof_pg_pool_total_connections') ?? null;
            })
            .catch(() => undefined)
        : undefined,
      pgClient && (await pgReady)
        ? pgClient
            .query<{ pid: number; state: string | null; wt: string | null; we: string | null }>(
              `SELECT pid, state, wait_event_type AS wt, wait_event AS we FROM pg_stat_activity
                WHERE datname = current_database() AND application_name LIKE 'scaleproof-api-%'`,
            )
            .then((r) => {
              raw.pgActive = r.rows.filter((x) => x.state === 'active').length;
              for (const x of r.rows) {
                if (x.state === 'active' && x.wt) raw.pgWaits[`${x.wt}:${x.we}`] = (raw.pgWaits[`${x.wt}:${x.we}`] ?? 0) + 1;
                const s = processCpuSeconds(x.pid);
                if (s !== null) raw.pgCpuByPid.set(x.pid, s);
              }
            })
            .catch(() => undefined)
        : undefined,
      redis
        ? redis
            .info()
            .then((info) => {
              const num = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
              raw.redisOps = num('instantaneous_ops_per_sec');
              raw.redisCpuS = num('used_cpu_user') + num('used_cpu_sys');
              if (!Number.isFinite(raw.redisOps)) raw.redisOps = null;
              if (!Number.isFinite(raw.redisCpuS)) raw.redisCpuS = null;
            })
            .catch(() => undefined)
        : undefined,
    ]);
    return raw;
  };

  return {
    start() {
      raws = [];
      const tick = () => {
        pending = take().then((r) => void raws.push(r));
      };
      tick();
      timer = setInterval(tick, 1000);
    },
    async stop() {
      if (timer) clearInterval(timer);
      await pending;
      raws.push(await take());
      return summarizeSamples(raws);
    },
    async close() {
      await pgClient?.end().catch(() => undefined);
      redis?.disconnect();
    },
  };
}

const mean = (xs: Array<number | null>): number | null => {
  const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};
const r1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** Rates between consecutive samples, then means: CPU as percent of one core. */
export function summarizeSamples(raws: readonly Raw[]): SaturationSample {
  const rate = (get: (r: Raw) => number | null) =>
    mean(
      raws.slice(1).map((r, i) => {
        const a = get(raws[i]!);
        const b = get(r);
        const dt = r.atS - raws[i]!.atS;
        return a === null || b === null || dt <= 0 ? null : ((b - a) / dt) * 100;
      }),
    );
  const pgCpu = mean(
    raws.slice(1).map((r, i) => {
      const prev = raws[i]!;
      const dt = r.atS - prev.atS;
      if (dt <= 0 || r.pgCpuByPid.size === 0) return null;
      let s = 0;
      for (const [pid, v] of r.pgCpuByPid) s += v - (prev.pgCpuByPid.get(pid) ?? v);
      return (s / dt) * 100;
    }),
  );
  const machine = mean(
    raws.slice(1).map((r, i) => {
      const a = raws[i]!.machine;
      const b = r.machine;
      return a && b && b.total > a.total ? ((b.busy - a.busy) / (b.total - a.total)) * 100 : null;
    }),
  );
  const waits: Record<string, number> = {};
  for (const r of raws) for (const [k, v] of Object.entries(r.pgWaits)) waits[k] = (waits[k] ?? 0) + v / raws.length;
  for (const k of Object.keys(waits)) waits[k] = Math.round(waits[k]! * 100) / 100;
  return {
    apiCpuPercent: r1(rate((r) => r.apiCpuS)),
    postgresCpuPercent: r1(pgCpu),
    redisCpuPercent: r1(rate((r) => r.redisCpuS)),
    driverCpuPercent: r1(rate((r) => r.driverCpuS)),
    machineCpuPercent: r1(machine),
    apiEventLoopLagP99Ms: r1(mean(raws.map((r) => (r.apiLagP99S === null ? null : r.apiLagP99S * 1000)))),
    poolWaiting: r1(mean(raws.map((r) => r.poolWaiting))),
    poolTotal: r1(mean(raws.map((r) => r.poolTotal))),
    pgActiveBackends: r1(mean(raws.map((r) => r.pgActive))),
    pgWaitEvents: waits,
    redisOpsPerSecond: r1(mean(raws.map((r) => r.redisOps))),
  };
}

/** Cores of this machine, for reading machineCpuPercent against one process's percent of one core. */
export const machineCores = () => os.cpus().length;
