/*
 * The catalog plan's probes (scenarios/catalog/planProbes.ts) against real variant APIs on a tiny seeded dataset
 * (5 clients; the largest site is a medium client's, ~650 products): the 1,000-product page costs naive one
 * statement per product it lists (the plan's "1,001 queries"), phase 1 a handful, and the optimized variant's
 * cached second read none; the client report probe follows a job from POST to completed (optimized only: the
 * naive report reads every order one get at a time, 52 s even on this dataset, too slow for the suite).
 * Statements per request come from the API's own counter (GET /metrics), as bench:plan's probe fetch counts them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeContext } from '../../harness/plan/PlanClaims.ts';
import { largestSiteClient, listThousandProductsMs, listThousandProductsStatements, clientReportSeconds } from '../../scenarios/catalog/planProbes.ts';
import { clientId, siteId } from '../../scenarios/catalog/layout.ts';
import { redisTitle } from '../helpers/testRedis.ts';
import { seededCatalogDatabase, startCatalogApi, TEST_USERS, type CatalogDatabase, type CatalogTestApi, type CatalogVariant } from '../catalog/helpers/catalogTestApi.ts';

const LARGEST = largestSiteClient(TEST_USERS);
const VARIANTS = ['naive', 'phase1', 'optimized'] as const satisfies readonly CatalogVariant[];

/** Statements the API has issued so far (scaleproof_db_queries_total over its pools). */
async function statementsSoFar(api: CatalogTestApi): Promise<number> {
  const r = await api.app.inject({ method: 'GET', url: '/metrics' });
  return r.body.split('\n').filter((l) => l.startsWith('scaleproof_db_queries_total')).reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

/** A ProbeContext over app.inject, counting statements around each request as bench:plan's does. */
function probeContext(api: CatalogTestApi): ProbeContext {
  return {
    baseUrl: 'http://inject',
    databaseUrl: api.config.databaseUrl,
    users: TEST_USERS,
    seed: 42,
    timeoutS: 120,
    fetch: async (path, init) => {
      const before = await statementsSoFar(api);
      const t0 = performance.now();
      const r = await api.app.inject({ method: (init?.method ?? 'GET') as 'GET' | 'POST', url: path, headers: init?.headers, ...(init?.body === undefined ? {} : { payload: init.body }) });
      const ms = performance.now() - t0;
      return { status: r.statusCode, body: r.body, ms, statements: (await statementsSoFar(api)) - before };
    },
  };
}

describe(redisTitle('catalog plan probes on a tiny dataset'), () => {
  let db: CatalogDatabase;
  const apis: Partial<Record<CatalogVariant, CatalogTestApi>> = {};

  beforeAll(async () => {
    db = await seededCatalogDatabase('catalog plan probes', VARIANTS);
    for (const v of VARIANTS) apis[v] = await startCatalogApi(`catalog probes ${v}`, v, db.urls[v]);
  });

  afterAll(async () => {
    for (const api of Object.values(apis)) await api?.close();
    await db?.drop();
  });

  it('picks the client whose site 0 lists the most products: a medium client when there is no large one', () => {
    expect(largestSiteClient(TEST_USERS)).toBe(3);
    expect(largestSiteClient(60_000)).toBe(50);
  });

  it('the 1,000-product page costs naive at least one statement per product listed, phase 1 at most 4', async () => {
    const ctxNaive = probeContext(apis.naive!);
    const listed = JSON.parse((await ctxNaive.fetch(`/sites/${siteId(LARGEST, 0)}/products?page=1&pageSize=1000`, { headers: { 'x-client-id': clientId(LARGEST) } })).body) as { items: unknown[] };
    expect(listed.items.length).toBeGreaterThan(100);
    const naive = await listThousandProductsStatements(ctxNaive);
    expect(naive).toBeGreaterThanOrEqual(listed.items.length);
    const phase1 = await listThousandProductsStatements(probeContext(apis.phase1!));
    expect(phase1).toBeGreaterThanOrEqual(1);
    expect(phase1).toBeLessThanOrEqual(4);
  });

  it("the optimized variant's second read of the page is a cache hit and costs no more statements than the first", async () => {
    const ctx = probeContext(apis.optimized!);
    const first = await listThousandProductsStatements(ctx);
    const second = await listThousandProductsStatements(ctx);
    expect(first).toBeGreaterThan(second);
    expect(second).toBe(0);
  });

  it.each(VARIANTS)('%s: the page probe returns its wall time in ms', async (v) => {
    const ms = await listThousandProductsMs(probeContext(apis[v]!));
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBeGreaterThan(0);
  });

  it('optimized: the client report probe follows its job to completed and returns seconds', async () => {
    const s = await clientReportSeconds(probeContext(apis.optimized!));
    expect(Number.isFinite(s)).toBe(true);
    expect(s).toBeGreaterThan(0);
  });
});
