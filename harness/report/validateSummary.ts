/*
 * Checks that a parsed value has the shape of a RunSummary of the schema version this code reads, so a
 * comparison never runs on a half-written or foreign file. Errors are coded and name the field at fault.
 */
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { SUMMARY_SCHEMA_VERSION, type RunSummary } from '../model/RunSummary.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

class ShapeError extends Error {}

function need(ok: boolean, where: string, what: string): void {
  if (!ok) throw new ShapeError(`${where} should be ${what}`);
}

function obj(v: unknown, where: string): Obj {
  need(isObj(v), where, 'an object');
  return v as Obj;
}

function checkLatency(v: unknown, where: string): void {
  const l = obj(v, where);
  for (const k of ['min', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999', 'max']) need(isNum(l[k]), `${where}.${k}`, 'a number (ms)');
}

function checkEndpoint(v: unknown, where: string): void {
  const e = obj(v, where);
  for (const k of ['requests', 'errors', 'throughputRps']) need(isNum(e[k]), `${where}.${k}`, 'a number');
  obj(e.statusCounts, `${where}.statusCounts`);
  checkLatency(e.latencyMs, `${where}.latencyMs`);
  need(typeof e.histogram === 'string', `${where}.histogram`, 'an encoded HDR histogram (string)');
  need(Array.isArray(e.timeline), `${where}.timeline`, 'an array');
  (e.timeline as unknown[]).forEach((p, i) => {
    const t = obj(p, `${where}.timeline[${i}]`);
    for (const k of ['t', 'requests', 'errors', 'p50', 'p95', 'p99', 'max']) need(isNum(t[k]), `${where}.timeline[${i}].${k}`, 'a number');
  });
}

function checkShape(s: Obj): void {
  need(typeof s.runId === 'string', 'runId', 'a string');
  need(typeof s.startedAt === 'string' && typeof s.endedAt === 'string', 'startedAt/endedAt', 'ISO timestamps');
  need(s.verdict === 'pass' || s.verdict === 'fail', 'verdict', '"pass" or "fail"');
  const sc = obj(s.scenario, 'scenario');
  need(typeof sc.name === 'string' && isNum(sc.durationS) && isNum(sc.warmupS), 'scenario', '{ name, warmupS, durationS, mix }');
  const env = obj(s.environment, 'environment');
  const m = obj(env.machine, 'environment.machine');
  need(isNum(m.cpus) && typeof m.node === 'string', 'environment.machine', '{ cpus, node, ... }');
  need(env.driver === 'autocannon' || env.driver === 'k6', 'environment.driver', '"autocannon" or "k6"');
  obj(env.loadModel, 'environment.loadModel');
  need(typeof env.method === 'string', 'environment.method', 'a string');
  if (env.datasetLoad !== undefined) {
    const dl = obj(env.datasetLoad, 'environment.datasetLoad');
    need(typeof dl.skipped === 'boolean', 'environment.datasetLoad.skipped', 'a boolean');
    need(dl.wallSeconds === undefined || isNum(dl.wallSeconds), 'environment.datasetLoad.wallSeconds', 'a number (s)');
    if (dl.facts !== undefined) obj(dl.facts, 'environment.datasetLoad.facts');
  }
  const w = obj(s.warmup, 'warmup');
  need(isNum(w.requests) && isNum(w.durationS), 'warmup', '{ requests, errors, durationS, latencyMs }');
  checkEndpoint(s.totals, 'totals');
  const eps = obj(s.endpoints, 'endpoints');
  for (const [name, e] of Object.entries(eps)) checkEndpoint(e, `endpoints.${name}`);
  const srv = obj(s.server, 'server');
  need(srv.cacheHitRatio === null || isNum(srv.cacheHitRatio), 'server.cacheHitRatio', 'a ratio or null');
  need(['redis-info', 'api-metrics', 'x-cache-header', 'none'].includes(srv.cacheHitSource as string), 'server.cacheHitSource', 'redis-info | api-metrics | x-cache-header | none');
  need(typeof srv.inProcessCache === 'boolean', 'server.inProcessCache', 'a boolean');
  const val = obj(s.validity, 'validity');
  need(typeof val.warmupExcluded === 'boolean' && typeof val.generatorSaturated === 'boolean' && Array.isArray(val.notes), 'validity', '{ warmupExcluded, generatorSaturated, notes[] , ... }');
  need(Array.isArray(s.thresholds), 'thresholds', 'an array');
  (s.thresholds as unknown[]).forEach((t, i) => {
    const th = obj(t, `thresholds[${i}]`);
    need(typeof th.metric === 'string' && typeof th.expression === 'string', `thresholds[${i}]`, '{ metric, expression, observed, ok }');
    need(th.observed === null || isNum(th.observed), `thresholds[${i}].observed`, 'a number or null');
    need(typeof th.ok === 'boolean', `thresholds[${i}].ok`, 'a boolean');
  });
  need(Array.isArray(s.trials), 'trials', 'an array');
  (s.trials as unknown[]).forEach((t, i) => {
    const tr = obj(t, `trials[${i}]`);
    obj(tr.endpoints, `trials[${i}].endpoints`);
    const tot = obj(tr.totals, `trials[${i}].totals`);
    for (const k of ['requests', 'errors', 'throughputRps', 'p50', 'p95', 'p99']) need(isNum(tot[k]), `trials[${i}].totals.${k}`, 'a number');
  });
}

/** Returns the value typed as RunSummary, or throws SP_SUMMARY_VERSION / SP_SUMMARY_INVALID. */
export function validateSummary(value: unknown, source = 'summary'): RunSummary {
  if (!isObj(value)) throw new ScaleproofError('SP_SUMMARY_INVALID', `${source} is not a run summary (expected a JSON object written by scaleproof).`, { source });
  if (value.schemaVersion !== SUMMARY_SCHEMA_VERSION) {
    throw new ScaleproofError(
      'SP_SUMMARY_VERSION',
      `${source} has schemaVersion ${JSON.stringify(value.schemaVersion ?? null)}; this scaleproof reads version ${SUMMARY_SCHEMA_VERSION}. Re-run the benchmark or use the scaleproof version that wrote it.`,
      { source, schemaVersion: value.schemaVersion },
    );
  }
  try {
    checkShape(value);
  } catch (err) {
    if (err instanceof ShapeError) throw new ScaleproofError('SP_SUMMARY_INVALID', `${source} is not a valid run summary: ${err.message}.`, { source });
    throw err;
  }
  return value as unknown as RunSummary;
}
