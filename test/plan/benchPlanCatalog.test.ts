/*
 * pnpm bench:plan on the catalog workload at a tiny scale, through the real pipeline (each step's schema
 * migrated and seeded from the same generator, its API started, real HTTP, real Redis and Postgres): naive's
 * product list costs about N+1 statements (N = the products on the page: one KV get per product) and phase 1's
 * one; the report holds the "1,001 queries → 1 query" claim to that and gives its verdict; trials alternate
 * between the steps in the run log; bad flags exit 2 in one line.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaName } from '../../harness/migrate/schemaUrl.ts';
import type { PlanReport } from '../../harness/plan/PlanReport.ts';
import { spawnRedis, type RedisHandle } from '../../harness/services/startRedis.ts';
import { largestSiteClient } from '../../scenarios/catalog/planProbes.ts';
import { siteId } from '../../scenarios/catalog/layout.ts';
import { runCli } from '../helpers/runCli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { redisServerBin, redisServerTitle } from '../helpers/testRedis.ts';

const CLI = 'scripts/benchPlan.ts';
const USERS = 1000;
const STEPS = ['naive', 'phase1', 'optimized'];
const bin = redisServerBin();

describe.skipIf(!bin)(redisServerTitle('bench:plan catalog at a tiny scale'), () => {
  let db: TestDatabase;
  let redis: RedisHandle;
  let tmp: string;
  let report: PlanReport;
  let stdout: string;
  let code: number | null;

  beforeAll(async () => {
    db = await createTestDatabase('bench plan catalog');
    redis = await spawnRedis(bin!, () => undefined);
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-plan-catalog-'));
    const args = ['catalog', '--users', String(USERS), '--steps', STEPS.join(','), '--rate', '15', '--trials', '2', '--duration', '2', '--warmup', '1', '--probe-timeout', '60', '--out', tmp, '--json'];
    const r = await runCli(CLI, args, { DATABASE_URL: db.url, REDIS_URL: redis.url }, 540_000);
    code = r.code;
    stdout = `${r.stdout}\n${r.stderr}`;
    report = JSON.parse(await fs.readFile(path.join(tmp, 'plan.json'), 'utf8').catch(() => 'null')) as PlanReport;
  }, 600_000);

  afterAll(async () => {
    await redis?.stop();
    await db?.drop();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('writes plan.json, plan.md and plan.html and exits 0', async () => {
    expect(code, stdout.slice(-3000)).toBe(0);
    expect(report.schemaVersion).toBe(1);
    expect(report.workload).toBe('catalog');
    expect(report.steps.map((s) => s.id)).toEqual(STEPS);
    expect(await fs.readFile(path.join(tmp, 'plan.md'), 'utf8')).toMatch(/## Claims/);
    expect(await fs.readFile(path.join(tmp, 'plan.html'), 'utf8')).toMatch(/<svg class="claim-bars"/);
  });

  it('alternates the steps in every trial round (A B C A B C)', () => {
    expect(report.runLog.map((r) => r.step)).toEqual([...STEPS, ...STEPS]);
    expect(report.runLog.map((r) => r.trial)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(report.runLog.map((r) => r.order)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("naive's product list costs about N+1 statements, phase 1's one", async () => {
    // N from the tables themselves: the active, not excluded products of the probe's site, at most a page of 1,000.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    let n: number;
    try {
      const schema = schemaName('catalog', 'phase1');
      const r = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${schema}.products p JOIN ${schema}.sites s ON s.catalog_id = p.catalog_id
          WHERE s.id = $1 AND p.is_active AND NOT EXISTS (SELECT 1 FROM ${schema}.site_product_exclusions e WHERE e.site_id = s.id AND e.product_id = p.id)`,
        [siteId(largestSiteClient(USERS), 0)],
      );
      n = Math.min(1000, Number(r.rows[0]!.n));
    } finally {
      await client.end();
    }
    expect(n).toBeGreaterThan(20);
    const probe = (step: string) => report.steps.find((s) => s.id === step)!.trials.map((t) => t.probes['list-1000-products-statements']);
    for (const x of probe('naive')) {
      expect(x).toBeGreaterThanOrEqual(n + 1);
      // One get per product read (inactive ones included) plus the site's few lookups.
      expect(x!).toBeLessThanOrEqual(Math.ceil((n + 1) * 1.25) + 5);
    }
    expect(probe('phase1')).toEqual([1, 1]);
    // The load mix's pages too: many per request for naive, one for phase 1 (no cache, no RLS).
    for (const t of report.steps.find((s) => s.id === 'phase1')!.trials) expect(t.queriesPerRequest.products).toBeCloseTo(1, 6);
    for (const t of report.steps.find((s) => s.id === 'naive')!.trials) expect(t.queriesPerRequest.products!).toBeGreaterThan(20);
  });

  it('marks "1,001 queries → 1 query" with a verdict and says what it compared', () => {
    const c = report.claims.find((x) => x.id === 'list-1000-queries')!;
    expect(c.quote).toContain('1,001 queries');
    expect(c.measured).not.toBeNull();
    // Optimized: the tenant transaction's statements on a miss, none on a cache hit; either way the claimed 1 is met.
    expect(['confirmed', 'better than claimed']).toContain(c.verdict);
    expect(c.reason).toMatch(/after 1: (within the interval|beaten)/);
    const p1 = report.claims.find((x) => x.id === 'phase1-products-10000')!;
    expect(p1.measured!.after).toBe(1);
    expect(p1.verdict).toBe('confirmed');
    expect(stdout).toMatch(/(confirmed|better than claimed)\s+list-1000-queries/);
  });

  it('EXPLAINs each step\'s hottest statements', () => {
    const naive = report.steps.find((s) => s.id === 'naive')!;
    expect(naive.explain.some((x) => x.plan?.includes('kv_store'))).toBe(true);
    const phase1 = report.steps.find((s) => s.id === 'phase1')!;
    expect(phase1.explain.some((x) => /products/.test(x.plan ?? ''))).toBe(true);
  });
});

describe('bench:plan usage errors', () => {
  it.each([
    [['catalog', '--variant', 'naive'], /use --steps instead of --variant/],
    [['catalog', '--steps', 'naive,nope'], /--steps names "nope"/],
    [['nope'], /nope/],
  ])('%j exits 2 with one line', async (args, message) => {
    const r = await runCli(CLI, args, { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
