/*
 * One trial of one step: the open-model driver at the plan run's rate for the measured seconds (server counters
 * as before/after deltas), then the step's probe claims, each run `probeRepeats` times with no load beside them
 * (the trial's value is their median). Returns the per-trial sample every claim is judged from.
 */
import { median } from 'simple-statistics';
import { performance } from 'node:perf_hooks';
import type { Scenario } from '../../scenarios/Scenario.ts';
import type { KeySampler } from '../drive/autocannon/createResponseTracker.ts';
import { attachQueriesPerRequest } from '../probe/combineServerSides.ts';
import { serverSide } from '../probe/serverSide.ts';
import { snapshotServer, type ProbeTargets } from '../probe/snapshotServer.ts';
import { drivePhase } from '../run/drivePhase.ts';
import type { PlanClaim, ProbeContext } from './PlanClaims.ts';
import type { StepTrial } from './PlanReport.ts';
import { waitForQuiet } from './waitForQuiet.ts';

export interface StepTrialInput {
  scenario: Scenario;
  endpointsModule: string;
  baseUrl: string;
  databaseUrl: string;
  sampler: KeySampler;
  probes: ProbeTargets;
  inProcessCache: boolean;
  /** Probe claims that read this step. */
  probeClaims: readonly PlanClaim[];
  probeRepeats: number;
  probeTimeoutS: number;
  trial: number;
  order: number;
  progress: (line: string) => void;
  log: (line: string) => void;
}

export interface StepTrialOutcome {
  sample: StepTrial;
  /** The measured phase's merged histogram (all endpoints), encoded. */
  histogram: string;
}

export async function measureStepTrial(i: StepTrialInput): Promise<StepTrialOutcome> {
  const startedAt = new Date().toISOString();
  const before = await snapshotServer(i.probes);
  const m = await drivePhase({
    scenario: i.scenario, endpointsModule: i.endpointsModule, baseUrl: i.baseUrl, sampler: i.sampler, phase: 'measured',
    durationS: i.scenario.durationS, driver: 'autocannon', progress: i.progress, log: i.log,
  });
  const after = await snapshotServer(i.probes);
  for (const e of [...before.errors, ...after.errors]) i.log(`probe: ${e}`);
  const xc = m.measure.totals.xCache;
  const server = serverSide({ before, after, requests: m.measure.totals.requests, xCache: xc, inProcessCache: i.inProcessCache });
  attachQueriesPerRequest(m.measure.endpoints, i.scenario.endpoints, server.routes);
  const latencyMs: StepTrial['latencyMs'] = { '*': pick(m.measure.totals.latencyMs) };
  const queriesPerRequest: StepTrial['queriesPerRequest'] = {};
  for (const [name, e] of Object.entries(m.measure.endpoints)) {
    latencyMs[name] = pick(e.latencyMs);
    queriesPerRequest[name] = e.queriesPerRequest ?? null;
  }
  const probes: StepTrial['probes'] = {};
  const probeErrors: Record<string, string> = {};
  const ctx = probeContext(i);
  // Requests the driver gave up on may still be running: a probe's statement count and time must be its own.
  if (i.probeClaims.length > 0) await waitForQuiet(i.baseUrl);
  for (const c of i.probeClaims) {
    if (c.metric?.kind !== 'probe' || c.metric.name in probes) continue;
    const values: number[] = [];
    try {
      for (let r = 0; r < i.probeRepeats; r++) values.push(await c.metric.run(ctx));
      probes[c.metric.name] = median(values);
    } catch (err) {
      i.log(`probe ${c.metric.name} failed: ${(err as Error).message}`);
      probes[c.metric.name] = null;
      probeErrors[c.metric.name] = (err as Error).message;
    }
  }
  const t = m.measure.totals;
  return {
    histogram: t.histogram,
    sample: {
      trial: i.trial,
      order: i.order,
      startedAt,
      durationS: m.measure.durationS,
      offeredRps: i.scenario.load.kind === 'open' ? i.scenario.load.ratePerSecond : 0,
      achievedRps: round(t.requests / Math.max(m.measure.durationS, 1e-9)),
      errorRate: t.requests > 0 ? t.errors / t.requests : 0,
      cacheHitRatio: server.cacheHitRatio,
      latencyMs,
      queriesPerRequest,
      probes,
      ...(Object.keys(probeErrors).length > 0 ? { probeErrors } : {}),
      scheduleLagP99Ms: m.validity.openModel?.scheduleLagMs.p99 ?? null,
    },
  };
}

function probeContext(i: StepTrialInput): ProbeContext {
  return {
    baseUrl: i.baseUrl,
    databaseUrl: i.databaseUrl,
    users: i.scenario.keys.users,
    seed: i.scenario.keys.seed,
    timeoutS: i.probeTimeoutS,
    fetch: async (path, init) => {
      const q0 = i.probes.apiUrl ? await snapshotServer({ apiUrl: i.probes.apiUrl }) : undefined;
      const t0 = performance.now();
      const res = await fetch(new URL(path, i.baseUrl), {
        method: init?.method ?? 'GET',
        headers: { ...(init?.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init?.headers },
        body: init?.body,
      });
      const body = await res.text();
      const ms = performance.now() - t0;
      const q1 = q0 ? await snapshotServer({ apiUrl: i.probes.apiUrl }) : undefined;
      return { status: res.status, body, ms, statements: requestStatements(q0?.api?.routes, q1?.api?.routes) };
    },
  };
}

type Routes = Record<string, { requests: number; statements: number }> | null | undefined;

/**
 * The statements of the request just made: from the per-route counters (a background job or a queue worker
 * issues statements outside any request, and they must not count), over the routes that served a request since.
 */
function requestStatements(before: Routes, after: Routes): number | null {
  if (!before || !after) return null;
  let statements = 0;
  let served = 0;
  for (const [route, a] of Object.entries(after)) {
    const b = before[route] ?? { requests: 0, statements: 0 };
    if (a.requests > b.requests) {
      served += a.requests - b.requests;
      statements += a.statements - b.statements;
    }
  }
  return served > 0 ? statements : null;
}

function pick(l: { p50: number; p95: number; p99: number }): { p50: number; p95: number; p99: number } {
  return { p50: l.p50, p95: l.p95, p99: l.p99 };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
