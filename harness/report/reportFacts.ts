/*
 * The labelled facts every report shows (server side, validity, environment), as plain text pairs, so
 * report.md, report.html and the terminal table state the same things; each renderer escapes for its format.
 */
import { topologyFacts } from './topologyFacts.ts';
import { datasetLoadOf, datasetWithoutLoadFacts } from '../model/datasetIdentity.ts';
import type { DatasetLoad, LoadModel, RunSummary } from '../model/RunSummary.ts';
import { fmtBytes, fmtCount, fmtMs, fmtRate, fmtRatio } from './formatValue.ts';
import { scenarioLabel } from './scenarioLabel.ts';

export interface Fact {
  label: string;
  value: string;
  /** Something that makes the numbers less trustworthy. */
  warn?: boolean;
}

/** A cross-check gap above this (5 points) between Redis INFO and the API's own counters is flagged. */
export const CROSS_CHECK_WARN = 0.05;

export function describeLoadModel(lm: LoadModel): string {
  return lm.kind === 'closed'
    ? `closed model: ${lm.connections} connections, pipelining ${lm.pipelining}`
    : `open model: ${lm.ratePerSecond} req/s arrival rate over ${lm.connections} connections`;
}

const ratioPart = (name: string, c: { hits: number; misses: number; ratio: number | null } | undefined) =>
  c ? `${name} ${fmtRatio(c.ratio)} (${c.hits} hits / ${c.misses} misses)` : undefined;

export function serverFacts(s: RunSummary): Fact[] {
  const srv = s.server;
  const facts: Fact[] = [{ label: 'Cache hit ratio', value: `${fmtRatio(srv.cacheHitRatio)} (source: ${srv.cacheHitSource})`, warn: srv.cacheHitSource === 'none' }];
  const parts = [ratioPart('Redis INFO', srv.redis), ratioPart('API store lookups', srv.apiStoreLookups), ratioPart('API per request', srv.apiCounters), ratioPart('X-Cache headers', srv.xCacheHeaders)].filter(Boolean);
  if (parts.length) facts.push({ label: 'Cache sources', value: parts.join('; ') });
  if (srv.crossCheckDelta !== undefined) {
    const d = srv.crossCheckDelta;
    facts.push({
      label: 'Cache cross-check',
      value: d === null ? 'not possible (one source missing)' : `|Redis − API| = ${(d * 100).toFixed(1)} points${d > CROSS_CHECK_WARN ? ' — the sources disagree' : ' — consistent'}`,
      warn: d !== null && d > CROSS_CHECK_WARN,
    });
  }
  facts.push({ label: 'Queries per request', value: srv.queriesPerRequest === null ? 'n/a' : srv.queriesPerRequest.toFixed(2) });
  if (srv.postgres) {
    const pg = srv.postgres;
    facts.push({ label: 'Postgres buffer hit', value: `${fmtRatio(pg.bufferHitRatio)} (${pg.blksHit} hit / ${pg.blksRead} read blocks)` });
    facts.push({ label: 'Postgres activity', value: `${pg.xactCommit} commits, ${pg.xactRollback} rollbacks, ${pg.tupInserted} rows inserted, ${pg.numBackends} backends` });
  } else {
    facts.push({ label: 'Postgres buffer hit', value: 'n/a (not probed)' });
  }
  if (srv.writeBuffer) {
    const wb = srv.writeBuffer;
    facts.push({ label: 'Write buffer', value: `${wb.flushes} flushes, ${wb.failures} failures, depth ${wb.depth} at the end`, warn: wb.failures > 0 });
  }
  return facts;
}

export function validityFacts(s: RunSummary): Fact[] {
  const v = s.validity;
  const facts: Fact[] = [
    { label: 'Warm-up excluded', value: v.warmupExcluded ? `yes (${s.warmup.durationS} s, reported separately)` : 'NO — warm-up requests are in the numbers', warn: !v.warmupExcluded },
    {
      label: 'Generator saturation',
      value: `${v.generatorSaturated ? 'SATURATED — latencies include client-side queueing' : 'no'} (max event-loop lag ${fmtMs(v.maxEventLoopLagMs)} ms, driver CPU ${v.driverCpuPercent === null ? 'n/a' : `${v.driverCpuPercent.toFixed(0)}%`})`,
      warn: v.generatorSaturated,
    },
    { label: 'Dropped iterations', value: v.droppedIterations === null ? 'n/a' : String(v.droppedIterations), warn: (v.droppedIterations ?? 0) > 0 },
  ];
  if (s.server.inProcessCache) {
    facts.push({ label: 'In-process cache', value: 'the API ran WITHOUT Redis (in-process cache): cache numbers do not describe the Redis design', warn: true });
  }
  for (const note of v.notes) facts.push({ label: 'Note', value: note });
  return facts;
}

function datasetText(d: Record<string, unknown>): string {
  return Object.entries(d)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

function datasetLoadText(load: DatasetLoad): string {
  const how = load.skipped ? 'already loaded, not seeded by this run' : 'seeded by this run';
  const secs = load.wallSeconds === undefined ? '' : `, ${load.wallSeconds.toFixed(1)} s`;
  const facts = load.facts && Object.keys(load.facts).length > 0 ? ` (${datasetText(load.facts)})` : '';
  return `${how}${secs}${facts}`;
}

export function environmentFacts(s: RunSummary): Fact[] {
  const e = s.environment;
  const m = e.machine;
  const dataset = datasetWithoutLoadFacts(e);
  const load = datasetLoadOf(e);
  const facts: Fact[] = [
    { label: 'Run', value: `${s.runId} (git ${s.gitCommit ?? 'unknown'}), ${s.startedAt} → ${s.endedAt}` },
    { label: 'Scenario', value: `${scenarioLabel(s)}, mix ${datasetText(s.scenario.mix)}, warm-up ${s.scenario.warmupS} s, measured ${s.scenario.durationS} s, ${s.trials.length || 1} trial(s)` },
    { label: 'Machine', value: `${m.hostname}: ${m.cpus} × ${m.cpuModel}, ${fmtBytes(m.memoryBytes)}, ${m.os}, Node ${m.node}` },
    { label: 'Postgres', value: e.postgres ? `${e.postgres.version} (${e.postgres.kind})` : 'n/a' },
    { label: 'Redis', value: e.redis ? `${e.redis.version ?? 'version unknown'} (${e.redis.kind})` : 'n/a' },
    ...topologyFacts(e.topology),
    { label: 'Dataset', value: dataset ? datasetText(dataset) : 'n/a' },
    // Whether this run seeded is a fact about the run, shown apart from what the dataset is.
    ...(load ? [{ label: 'Dataset load', value: datasetLoadText(load) }] : []),
    { label: 'Driver', value: e.driver },
    { label: 'Load model', value: describeLoadModel(e.loadModel) },
  ];
  if (e.target) facts.push({ label: 'Target', value: e.target });
  facts.push({ label: 'Method', value: e.method });
  return facts;
}

/** "6 of 7 thresholds hold, 1 skipped": skipped ones (outside the mix) are counted apart, never as held. */
export function thresholdTally(s: RunSummary): string {
  const judged = s.thresholds.filter((t) => !t.skipped);
  const held = judged.filter((t) => t.ok).length;
  const skipped = s.thresholds.length - judged.length;
  return `${held} of ${judged.length} thresholds hold${skipped ? `, ${skipped} skipped` : ''}`;
}

/** The run in one sentence after the verdict word: thresholds held, volume, p95, cache hit. */
export function verdictDetail(s: RunSummary): string {
  const held = s.thresholds.length === 0 ? 'no thresholds were set' : thresholdTally(s);
  return `${held}; ${fmtCount(s.totals.requests)} requests at ${fmtRate(s.totals.throughputRps)} req/s, p95 ${fmtMs(s.totals.latencyMs.p95)} ms, cache hit ${fmtRatio(s.server.cacheHitRatio)}.`;
}
