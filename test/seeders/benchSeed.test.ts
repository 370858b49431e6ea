/*
 * `pnpm bench:seed` at a tiny scale: it prints its table, ends with one JSON line holding the figures the
 * brief asks for, and leaves no scratch table behind. No timing is asserted; speed is judged from the
 * benchmark's own output at full scale.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { runCli } from '../helpers/runCli.ts';
import { withClient } from './datasetChecksums.ts';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/benchSeed.ts');
let d: TestDatabase | undefined;
afterEach(async () => {
  await d?.drop();
});

describe('pnpm bench:seed', () => {
  it('reports seeder and raw COPY rates with --json as the last line and drops its scratch table', async () => {
    d = await createTestDatabase('bench seed');
    const r = await runCli(SCRIPT, ['analytics', '--users', '300', '--events-per-user', '4', '--json'], { DATABASE_URL: d.url });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(r.stdout).toMatch(/raw COPY of pin_analytics, no index/);
    const result = JSON.parse(lines.at(-1)!);
    expect(result).toMatchObject({ workload: 'analytics', variant: 'optimized', users: 300, largestTable: 'pin_analytics', largestTableRows: 1200, facts: { defaultPartitionRows: 0 } });
    expect(result.raw.withIndexesRowsPerSecond).toBeGreaterThan(0);
    for (const key of ['wallSeconds', 'largestTableRowsPerSecond', 'rawCopyRowsPerSecond', 'ratio', 'peakRssBytes']) {
      expect(result[key], key).toBeGreaterThan(0);
    }
    expect(result.ratio).toBeCloseTo(result.largestTableRowsPerSecond / result.rawCopyRowsPerSecond, 2);
    expect(Object.keys(result.phases)).toEqual(expect.arrayContaining(['events', 'tables', 'indexes', 'analyze', 'refreshMv']));
    const leftovers = await withClient(d.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE 'scaleproof_raw_copy%'`)).rows[0].n);
    expect(leftovers).toBe(0);
  });
});
