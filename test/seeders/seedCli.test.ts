/*
 * `pnpm seed` (scripts/seed.ts) in a child process: bad input exits 2 with one line naming the problem and
 * leaves a fresh database untouched; good input seeds, and the same command again skips.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { runCli } from '../helpers/runCli.ts';
import { withSchema } from '../../harness/migrate/schemaUrl.ts';
import { readManifest } from '../../seeders/analytics/readManifest.ts';
import { withClient } from './datasetChecksums.ts';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/seed.ts');
const dbs: TestDatabase[] = [];
afterEach(async () => {
  while (dbs.length) await dbs.pop()!.drop();
});

const publicTables = (url: string) =>
  withClient(url, async (c) => (await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.t));

describe('pnpm seed', () => {
  const badInputs: Array<{ args: string[]; names: RegExp }> = [
    { args: ['--users', '-5'], names: /--users.*"-5"/ },
    { args: ['--users', 'abc'], names: /--users.*"abc"/ },
    { args: ['--users', '100', '--no-such-flag'], names: /unknown option '--no-such-flag'/ },
    { args: ['--distribution', 'pareto'], names: /--distribution must be one of zipf, uniform, hotspot/ },
    { args: ['--as-of', 'yesterday'], names: /--as-of must be an ISO date/ },
    { args: ['--as-of', '2999-01-01'], names: /--as-of 2999-01-01 is in the future/ },
  ];
  for (const { args, names } of badInputs) {
    it(`exits 2 with one line naming the problem for "${args.join(' ')}" and writes nothing`, async () => {
      const d = await createTestDatabase('cli bad input');
      dbs.push(d);
      const r = await runCli(SCRIPT, ['analytics', ...args], { DATABASE_URL: d.url });
      expect(r.code).toBe(2);
      const lines = r.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^scaleproof: /);
      expect(lines[0]).toMatch(names);
      expect(r.stdout).toBe('');
      expect(await publicTables(d.url)).toEqual([]);
      expect(await readManifest(d.url)).toBeUndefined();
    });
  }

  it('exits 2 with one line when DATABASE_URL cannot be reached', async () => {
    const r = await runCli(SCRIPT, ['analytics', '--users', '10'], { DATABASE_URL: 'postgres://postgres:s3cret@127.0.0.1:1/nowhere' });
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^scaleproof: Postgres at .* is unreachable/);
    expect(r.stderr).not.toContain('s3cret');
  });

  it('exits 2 with one line listing the workloads for an unknown workload', async () => {
    const r = await runCli(SCRIPT, ['nosuch', '--users', '10'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/unknown workload "nosuch"; valid workloads: analytics, school/)]);
  });

  it('seeds with the given parameters, then skips the identical second run', async () => {
    const d = await createTestDatabase('cli seeds');
    dbs.push(d);
    const args = ['--users', '250', '--events-per-user', '3', '--seed', '9', '--distribution', 'uniform', '--as-of', '2025-02-01', '--no-progress'];
    const first = await runCli(SCRIPT, ['analytics', ...args], { DATABASE_URL: d.url });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/default partition check: pin_analytics_default holds 0 rows/);
    // `pnpm seed analytics` loads the workload's own schema (analytics_optimized) of the given database.
    expect(await readManifest(withSchema(d.url, 'analytics_optimized'))).toMatchObject({ status: 'complete', users: 250, eventsPerUser: 3, seed: 9, distribution: { kind: 'uniform' }, asOf: '2025-02-01T00:00:00.000Z' });
    const second = await runCli(SCRIPT, ['analytics', ...args], { DATABASE_URL: d.url });
    expect(second.code).toBe(0);
    // One line: the dataset in that schema is the same one; nothing else is loaded.
    expect(second.stdout.trim().split('\n')).toHaveLength(1);
    expect(second.stdout).toMatch(/already loaded; skipping/);
  });
});
