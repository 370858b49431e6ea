/*
 * One suite for every registered workload x variant (as kysely runs its tests for every dialect): through the
 * real pipeline (`pnpm bench <workload> --variant v`: migrate a fresh schema, seed a tiny dataset, start the
 * variant's API, drive it for a few seconds), every endpoint of the workload's table is sent and answers only
 * statuses it declares, and the workload's own thresholds parse and are judged. One test file per workload
 * (test/workloads/every/<name>.test.ts) calls describeWorkload, so vitest runs the workloads in parallel;
 * registered.test.ts fails when a registered workload has no such file.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnRedis, type RedisHandle } from '../../../harness/services/startRedis.ts';
import type { RunSummary } from '../../../harness/model/RunSummary.ts';
import { workloads } from '../../../scenarios/registry.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testDatabase.ts';
import { runCli } from '../../helpers/runCli.ts';
import { redisServerBin, redisServerTitle } from '../../helpers/testRedis.ts';

const CLI = 'scripts/bench.ts';
/** Tiny datasets: enough rows for every endpoint to find what it asks for. */
const TINY: Record<string, string[]> = {
  analytics: ['--users', '500', '--events-per-user', '2'],
  school: ['--users', '2000'],
  marketplace: ['--users', '2000'],
  catalog: ['--users', '3000'],
  riders: ['--users', '1000'],
};
const bin = redisServerBin();

/** The suite for every variant of one workload; one test file per workload so vitest runs them in parallel. */
export async function describeWorkload(name: string): Promise<void> {
  const load = workloads[name];
  if (!load) throw new Error(`no workload ${name} in scenarios/registry.ts`);
  const workload = await load();
  const cases = Object.keys(workload.variants).map((variant) => ({ name, workload, variant }));
  describeCases(cases);
}

function describeCases(cases: Array<{ name: string; workload: Awaited<ReturnType<(typeof workloads)[string]>>; variant: string }>): void {
describe.each(cases)('workload $name, variant $variant', ({ name, workload, variant }) => {
  let db: TestDatabase;
  let redis: RedisHandle;
  let tmp: string;
  let code: number | null;
  let stderr: string;
  let summary: RunSummary;

  beforeAll(async () => {
    if (!bin) return;
    db = await createTestDatabase(`every ${name} ${variant}`);
    redis = await spawnRedis(bin, () => undefined);
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), `sp-${name}-${variant}-`));
    const mix = Object.keys(workload.endpoints).map((e) => `${e}=1`).join(',');
    const args = [name, '--variant', variant, ...(TINY[name] ?? ['--users', '1000']), '--duration', '3', '--warmup', '1', '--connections', '4', '--mix', mix, '--out', tmp];
    const r = await runCli(CLI, args, { DATABASE_URL: db.url, REDIS_URL: redis.url });
    code = r.code;
    stderr = r.stderr;
    summary = JSON.parse(await fs.readFile(path.join(tmp, 'summary.json'), 'utf8').catch(() => 'null')) as RunSummary;
  }, 300_000);

  afterAll(async () => {
    await redis?.stop();
    await db?.drop();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  describe.skipIf(!bin)(redisServerTitle('through the real pipeline'), () => {
    it('finishes with a verdict (0 or 99) and records the workload and variant', () => {
      expect([0, 99], stderr).toContain(code);
      expect(summary.scenario).toMatchObject({ workload: name, variant });
      expect(summary.environment.dataset).toMatchObject({ workload: name, variant });
    });

    it('sends every endpoint of the table, and each answers only statuses it declares', () => {
      for (const [endpoint, def] of Object.entries(workload.endpoints)) {
        const e = summary.endpoints[endpoint];
        expect(e?.requests, endpoint).toBeGreaterThan(0);
        const statuses = Object.keys(e!.statusCounts).map(Number);
        expect(statuses.filter((s) => !def.expectedStatuses.includes(s)), `${endpoint}: ${JSON.stringify(e!.statusCounts)}`).toEqual([]);
        expect(e!.errors, endpoint).toBe(0);
      }
    });

    it("judges the workload's own thresholds, every expression of them", () => {
      const expressions = Object.entries(workload.thresholds).flatMap(([k, specs]) => specs.map((s) => `${k} ${typeof s === 'string' ? s : s.threshold}`));
      expect(summary.thresholds.map((t) => `${t.metric} ${t.expression}`).sort()).toEqual(expressions.sort());
      // Skipped only when the server cannot measure it (statement_mean_ms_max without pg_stat_statements), and then it says so.
      for (const t of summary.thresholds) expect(t.skipped ?? false, t.metric).toBe(t.note?.startsWith('not measurable:') ?? false);
    });
  });
});
}
