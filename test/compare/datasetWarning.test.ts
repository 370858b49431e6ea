/*
 * Issue #15: bench:compare warned "different datasets" for two runs on the same dataset, because one run seeded
 * it and the other found it loaded (skipped). Only the dataset's identity may make that warning; facts about a
 * run's load never do, in the current layout (environment.datasetLoad) or the older one (inside dataset).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../../harness/compare/compareRuns.ts';
import { runCompareCommand } from '../../harness/compare/runCompareCommand.ts';
import { datasetIdentityDifferences, datasetIdentityOf, datasetLoadOf } from '../../harness/model/datasetIdentity.ts';
import type { Environment, RunSummary } from '../../harness/model/RunSummary.ts';
import { readSummary } from '../../harness/report/readSummary.ts';
import { environmentFacts } from '../../harness/report/reportFacts.ts';
import { writeReports } from '../../harness/report/writeReports.ts';
import { syntheticRun } from '../report/syntheticRun.ts';

/** The analytics manifest as a run records it: identity plus the manifest's own load fields. */
function manifest(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    generatorVersion: '3',
    seed: 42,
    users: 2000,
    eventsPerUser: 3,
    distribution: { kind: 'zipf', exponent: 1.1 },
    asOf: '2025-01-15T00:00:00.000Z',
    rowCounts: { users: 2000, pins: 2000, pin_analytics: 6000 },
    status: 'complete',
    startedAt: '2025-01-15T11:58:00.000Z',
    completedAt: '2025-01-15T11:59:00.000Z',
    ...over,
  };
}

/** Version-1 layout from before datasetLoad: the load facts sit inside dataset. */
function oldLayout(seed: number, skipped: boolean, over: Record<string, unknown> = {}): RunSummary {
  return syntheticRun({ seed, trials: 2, environment: { dataset: { ...manifest(over), skipped, defaultPartitionRows: skipped ? 0 : 3 } } });
}

/** Current layout: identity in dataset, the load in datasetLoad. */
function newLayout(seed: number, skipped: boolean, over: Record<string, unknown> = {}): RunSummary {
  const { status: _s, startedAt: _a, completedAt: _c, eventsPerUser, distribution, asOf, ...identity } = manifest(over);
  return syntheticRun({
    seed,
    trials: 2,
    environment: {
      dataset: { workload: 'analytics', variant: 'optimized', ...identity, parameters: { eventsPerUser, distribution, asOf } },
      datasetLoad: { skipped, wallSeconds: skipped ? 0.2 : 41.5, facts: { defaultPartitionRows: 0 } },
    },
  });
}

const datasetWarnings = (a: RunSummary, b: RunSummary) => compareRuns(a, b).warnings.filter((w) => w.includes('dataset'));

describe('the different-datasets warning compares identity only', () => {
  it('gives no warning for two summaries that differ only in whether the run seeded (older layout: skipped inside dataset)', () => {
    const a = oldLayout(1, false);
    const b = oldLayout(2, true, { startedAt: '2025-01-10T09:00:00.000Z', completedAt: '2025-01-10T09:01:00.000Z' });
    expect(compareRuns(a, b).warnings).toEqual([]);
  });

  it('gives no warning for two summaries that differ only in datasetLoad (current layout)', () => {
    const a = newLayout(3, false);
    const b = newLayout(4, true);
    expect(a.environment.datasetLoad!.skipped).not.toBe(b.environment.datasetLoad!.skipped);
    expect(compareRuns(a, b).warnings).toEqual([]);
  });

  it('gives no warning between an older-layout file that skipped and a current-layout file that seeded the same dataset', () => {
    expect(datasetWarnings(oldLayout(5, true), newLayout(6, false))).toEqual([]);
    expect(datasetWarnings(newLayout(6, false), oldLayout(5, true))).toEqual([]);
  });

  it.each([
    ['older layout', oldLayout],
    ['current layout', newLayout],
  ])('warns, naming the field, when the seed differs (%s)', (_layout, make) => {
    expect(datasetWarnings(make(7, false), make(8, false, { seed: 7 }))).toEqual(['different datasets: seed: 42 vs 7']);
    // ...and still when whether they seeded differs too.
    expect(datasetWarnings(make(7, false), make(8, true, { seed: 7 }))).toEqual(['different datasets: seed: 42 vs 7']);
  });

  it.each([
    ['older layout', oldLayout],
    ['current layout', newLayout],
  ])('warns, naming the field, when the scale (users) differs (%s)', (_layout, make) => {
    const w = datasetWarnings(make(9, true), make(10, false, { users: 4000, rowCounts: { users: 4000, pins: 4000, pin_analytics: 12000 } }));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^different datasets: users: 2000 vs 4000; rowCounts\.pin_analytics: 6000 vs 12000; /);
  });

  it('warns on generator version, generator parameters and row counts, each named', () => {
    const a = oldLayout(11, false);
    const b = newLayout(12, true, { generatorVersion: '4', eventsPerUser: 5, distribution: { kind: 'uniform' }, rowCounts: { users: 2000, pins: 2000, pin_analytics: 10000 } });
    expect(datasetIdentityDifferences(a.environment, b.environment)).toEqual([
      'generatorVersion: 3 vs 4',
      'parameters.distribution: {"exponent":1.1,"kind":"zipf"} vs {"kind":"uniform"}',
      'parameters.eventsPerUser: 3 vs 5',
      'rowCounts.pin_analytics: 6000 vs 10000',
    ]);
  });

  it('warns when only one run records a dataset (a --target run against a seeded one), not when neither does', () => {
    const target = syntheticRun({ seed: 13, trials: 2, environment: { dataset: undefined } });
    expect(datasetWarnings(newLayout(14, false), target)).toEqual(['different datasets: run B records no dataset']);
    expect(datasetWarnings(target, structuredClone(target))).toEqual([]);
  });

  it('bench:compare prints no dataset warning for summary.json files that differ only in skipped', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sp-dataset-warning-'));
    try {
      await writeReports(oldLayout(15, false), path.join(dir, 'seeded'));
      await writeReports(oldLayout(16, true), path.join(dir, 'reused'));
      const out: string[] = [];
      const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), now: () => new Date(), cwd: dir };
      await runCompareCommand([path.join(dir, 'seeded'), path.join(dir, 'reused'), '--out', path.join(dir, 'cmp')], io);
      expect(out.join('')).toContain('verdict:');
      expect(out.join('')).not.toMatch(/different datasets/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('datasetIdentityOf / datasetLoadOf', () => {
  it('reads both layouts into one identity, leaving every load fact out', () => {
    const fromOld = datasetIdentityOf(oldLayout(17, true).environment);
    const fromNew = datasetIdentityOf(newLayout(18, false).environment);
    const expected = {
      generatorVersion: '3',
      seed: 42,
      users: 2000,
      parameters: { eventsPerUser: 3, distribution: { kind: 'zipf', exponent: 1.1 }, asOf: '2025-01-15T00:00:00.000Z' },
      rowCounts: { users: 2000, pins: 2000, pin_analytics: 6000 },
    };
    expect(fromOld).toEqual(expected);
    expect(fromNew).toEqual({ ...expected, workload: 'analytics', variant: 'optimized' });
    for (const key of ['skipped', 'defaultPartitionRows', 'status', 'startedAt', 'completedAt', 'wallSeconds']) {
      expect(JSON.stringify(fromOld)).not.toContain(key);
    }
    expect(datasetIdentityOf({ dataset: undefined })).toBeNull();
  });

  it('reads the load facts from datasetLoad, or from inside dataset in an older file', () => {
    expect(datasetLoadOf(newLayout(19, true).environment)).toEqual({ skipped: true, wallSeconds: 0.2, facts: { defaultPartitionRows: 0 } });
    expect(datasetLoadOf(oldLayout(20, false).environment)).toEqual({
      skipped: false,
      facts: { defaultPartitionRows: 3, status: 'complete', startedAt: '2025-01-15T11:58:00.000Z', completedAt: '2025-01-15T11:59:00.000Z' },
    });
    expect(datasetLoadOf({ dataset: { seed: 1 } } as Pick<Environment, 'dataset'>)).toBeNull();
  });

  it('takes a seeder manifest object as environment.dataset (the type is permissive enough)', () => {
    const env: Pick<Environment, 'dataset' | 'datasetLoad'> = {
      dataset: { generatorVersion: '3', seed: 1, users: 10, eventsPerUser: 2, distribution: { kind: 'uniform' }, asOf: 'x', rowCounts: {}, status: 'complete', startedAt: 'x', completedAt: null },
      datasetLoad: { skipped: true },
    };
    expect(datasetIdentityOf(env)?.users).toBe(10);
  });
});

describe('reports keep the dataset and its load apart', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sp-dataset-load-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows "Dataset" without the load facts and "Dataset load" with them, in both layouts', () => {
    for (const s of [oldLayout(21, true), newLayout(22, true)]) {
      const facts = environmentFacts(s);
      const dataset = facts.find((f) => f.label === 'Dataset')!.value;
      expect(dataset).toContain('seed=42');
      expect(dataset).not.toMatch(/skipped|defaultPartitionRows|status=|startedAt|completedAt/);
      expect(facts.find((f) => f.label === 'Dataset load')!.value).toMatch(/^already loaded, not seeded by this run/);
    }
  });

  it('writes and reads back environment.datasetLoad in summary.json', async () => {
    const s = newLayout(23, false);
    await writeReports(s, path.join(dir, 'run'));
    const back = await readSummary(path.join(dir, 'run'));
    expect(back.environment.datasetLoad).toEqual(s.environment.datasetLoad);
    expect(back.environment.dataset).toEqual(s.environment.dataset);
  });
});
