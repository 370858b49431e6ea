/*
 * The one place that says what a recorded dataset IS (its identity) and what is only a fact about a run's load
 * of it. Every consumer that asks "same dataset?" goes through datasetIdentityOf / datasetIdentityDifferences,
 * so a fact such as "this run did not seed" (skipped: true) never reads as a different dataset.
 *
 * Version-1 summaries written before `environment.datasetLoad` existed keep the load facts inside
 * `environment.dataset` (skipped, defaultPartitionRows, and the manifest's status/startedAt/completedAt);
 * both readers here accept that layout too.
 */
import type { DatasetLoad, Environment } from './RunSummary.ts';

/** A dataset's identity as a comparison sees it: only what decides which rows it holds, in one layout. */
export interface DatasetIdentityFields {
  workload?: string | undefined;
  variant?: string | undefined;
  generatorVersion?: string | undefined;
  seed?: number | undefined;
  /** Scale, in users. */
  users?: number | undefined;
  /** Every other generator parameter: eventsPerUser, distribution, asOf, ... */
  parameters: Record<string, unknown>;
  rowCounts: Record<string, number>;
}

/** Keys that describe a load, not the dataset; older files and seeder manifests keep them inside `dataset`. */
export const DATASET_LOAD_KEYS: readonly string[] = ['skipped', 'defaultPartitionRows', 'status', 'startedAt', 'completedAt', 'wallSeconds', 'phases', 'facts'];

/** Generator parameters that older files and the analytics manifest keep at the top level of `dataset`. */
const TOP_LEVEL_PARAMETERS: readonly string[] = ['eventsPerUser', 'distribution', 'asOf'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
function num(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** The identity of the run's dataset, or null when the run records none (e.g. a --target run). */
export function datasetIdentityOf(environment: Pick<Environment, 'dataset'>): DatasetIdentityFields | null {
  const d = environment.dataset;
  if (!isObj(d)) return null;
  const nested = isObj(d.parameters) ? d.parameters : {};
  const parameters: Obj = {};
  for (const k of TOP_LEVEL_PARAMETERS) if (d[k] !== undefined) parameters[k] = d[k];
  for (const [k, v] of Object.entries(nested)) if (k !== 'users' && v !== undefined) parameters[k] = v;
  const rowCounts: Record<string, number> = {};
  if (isObj(d.rowCounts)) for (const [k, v] of Object.entries(d.rowCounts)) if (num(v) !== undefined) rowCounts[k] = num(v)!;
  const id: DatasetIdentityFields = { parameters, rowCounts };
  const workload = str(d.workload);
  const variant = str(d.variant);
  const generatorVersion = str(d.generatorVersion);
  const seed = num(d.seed);
  const users = num(d.users ?? nested.users);
  if (workload !== undefined) id.workload = workload;
  if (variant !== undefined) id.variant = variant;
  if (generatorVersion !== undefined) id.generatorVersion = generatorVersion;
  if (seed !== undefined) id.seed = seed;
  if (users !== undefined) id.users = users;
  return id;
}

/** What the run recorded about its load of the dataset: `datasetLoad`, or the facts an older file kept inside `dataset`. */
export function datasetLoadOf(environment: Pick<Environment, 'dataset' | 'datasetLoad'>): DatasetLoad | null {
  if (environment.datasetLoad) return environment.datasetLoad;
  const d = environment.dataset;
  if (!isObj(d) || typeof d.skipped !== 'boolean') return null;
  const facts: Obj = {};
  for (const k of DATASET_LOAD_KEYS) if (k !== 'skipped' && k !== 'wallSeconds' && d[k] !== undefined) facts[k] = d[k];
  const wallSeconds = num(d.wallSeconds);
  return { skipped: d.skipped, ...(wallSeconds === undefined ? {} : { wallSeconds }), ...(Object.keys(facts).length ? { facts } : {}) };
}

/** `dataset` without the load facts an older file kept inside it, for display. */
export function datasetWithoutLoadFacts(environment: Pick<Environment, 'dataset'>): Record<string, unknown> | null {
  const d = environment.dataset;
  if (!isObj(d)) return null;
  return Object.fromEntries(Object.entries(d).filter(([k]) => !DATASET_LOAD_KEYS.includes(k)));
}

/** JSON with sorted object keys, so {a, b} and {b, a} compare equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObj(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

const show = (v: unknown): string => (v === undefined ? 'none' : typeof v === 'string' ? v : canonical(v));

/**
 * The identity fields in which run B's dataset differs from run A's, each as "field: A vs B"
 * (e.g. "seed: 42 vs 7", "parameters.eventsPerUser: 5 vs 10", "rowCounts.pin_analytics: 5000 vs 10000").
 * Empty when both record the same identity, or neither records a dataset. Load facts are never compared;
 * workload, variant and row counts only when both runs record them.
 */
export function datasetIdentityDifferences(a: Pick<Environment, 'dataset'>, b: Pick<Environment, 'dataset'>): string[] {
  const ia = datasetIdentityOf(a);
  const ib = datasetIdentityOf(b);
  if (!ia && !ib) return [];
  if (!ia || !ib) return [`${ia ? 'run B' : 'run A'} records no dataset`];
  const out: string[] = [];
  for (const k of ['workload', 'variant', 'generatorVersion', 'seed', 'users'] as const) {
    // workload and variant are newer than version-1 files: compared only when both runs record them.
    if ((k === 'workload' || k === 'variant') && (ia[k] === undefined || ib[k] === undefined)) continue;
    if (canonical(ia[k]) !== canonical(ib[k])) out.push(`${k}: ${show(ia[k])} vs ${show(ib[k])}`);
  }
  for (const group of ['parameters', 'rowCounts'] as const) {
    const x: Obj = ia[group];
    const y: Obj = ib[group];
    // A run that recorded no row counts at all (an early or hand-made summary) cannot contradict one that did.
    if (group === 'rowCounts' && (Object.keys(x).length === 0 || Object.keys(y).length === 0)) continue;
    for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      if (canonical(x[k]) !== canonical(y[k])) out.push(`${group}.${k}: ${show(x[k])} vs ${show(y[k])}`);
    }
  }
  return out;
}
