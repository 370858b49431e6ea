/*
 * The catalog plan's measurements the load mix does not give (bench:plan probes, thresholds/catalogClaims.ts):
 * one product list of 1,000 (seed 004 "List 1000 Products": its time and the statements it cost) and one
 * client report from POST to its finished job ("Client Report", "Report Generation <30s"). Ids come from
 * layout.ts, the arithmetic the seeder uses, so the probes name rows the dataset has.
 */
import type { ProbeContext } from '../../harness/plan/PlanClaims.ts';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { catalogOfSite, clientCount, clientId, monthKey, productsInCatalog, siteId, tierOf } from './layout.ts';

/** The seed's "List 1000 Products" page: the route's largest page (validation/catalogInput.ts MAX_PAGE_SIZE). */
const LIST_SIZE = 1000;
const REPORT_POLL_MS = 100;
const REPORT_TIMEOUT_MS = 15 * 60_000;

/**
 * The client whose site 0 shows the most products at this scale: a large client (10,000 products, 2,000 a
 * site) when the dataset has one (users >= 50,000), else a medium one (~667 a site), else client 1. Below
 * 50,000 users no site has 1,000 products, so the page holds fewer (the probe still costs one query per row
 * in naive).
 */
export function largestSiteClient(users: number): number {
  const clients = clientCount(users);
  let best = 1;
  for (let c = 1; c <= clients; c++) {
    if (productsInCatalog(c, catalogOfSite(c, 0)) > productsInCatalog(best, catalogOfSite(best, 0))) best = c;
    if (tierOf(c) === 'large') break;
  }
  return best;
}

function listPath(client: number): string {
  return `/sites/${siteId(client, 0)}/products?page=1&pageSize=${LIST_SIZE}`;
}

function expectOk(what: string, r: { status: number; body: string }, ok: number): void {
  if (r.status !== ok) {
    throw new ScaleproofError('SP_INTERNAL', `The ${what} probe got HTTP ${r.status} (expected ${ok}): ${r.body.slice(0, 200)}. Check that the step's API runs on the seeded dataset.`);
  }
}

/** Milliseconds of one GET of a 1,000-product page (a cache hit in the cached steps after the first trial). */
export async function listThousandProductsMs(ctx: ProbeContext): Promise<number> {
  const client = largestSiteClient(ctx.users);
  const r = await ctx.fetch(listPath(client), { headers: { 'x-client-id': clientId(client) } });
  expectOk('list-1000-products', r, 200);
  return r.ms;
}

/** Statements the API issued for one GET of a 1,000-product page (its own counter; probes run with no other load). */
export async function listThousandProductsStatements(ctx: ProbeContext): Promise<number> {
  const client = largestSiteClient(ctx.users);
  const r = await ctx.fetch(listPath(client), { headers: { 'x-client-id': clientId(client) } });
  expectOk('list-1000-products statements', r, 200);
  if (r.statements === null) throw new ScaleproofError('SP_INTERNAL', "The list-1000-products statements probe needs the API's statement counter, which this API does not expose. Run the reference API (pnpm api catalog), not --target.");
  return r.statements;
}

/**
 * Seconds from POST /reports/orders to its job's completion, for the largest client's last complete month
 * (a cached report in the cached steps after the first trial: the plan caches reports for a day).
 */
export async function clientReportSeconds(ctx: ProbeContext): Promise<number> {
  const client = largestSiteClient(ctx.users);
  const headers = { 'x-client-id': clientId(client) };
  const started = performance.now();
  const posted = await ctx.fetch(`/reports/orders?month=${monthKey(Date.now(), 1)}`, { method: 'POST', headers });
  expectOk('client-report', posted, 202);
  const { jobId } = JSON.parse(posted.body) as { jobId: string };
  for (;;) {
    const r = await ctx.fetch(`/jobs/${jobId}`, { headers });
    expectOk('client-report (job)', r, 200);
    const { state, error } = JSON.parse(r.body) as { state: string; error?: string };
    if (state === 'completed') return (performance.now() - started) / 1000;
    if (state === 'failed') throw new ScaleproofError('SP_INTERNAL', `The client-report probe's job ${jobId} failed: ${error ?? 'no reason given'}. See the API's log.`);
    if (performance.now() - started > Math.min(REPORT_TIMEOUT_MS, ctx.timeoutS * 1000)) {
      throw new ScaleproofError('SP_INTERNAL', `The client-report probe's job ${jobId} did not finish in ${Math.round((performance.now() - started) / 1000)} s (state ${state}): more than the probe timeout. Use a smaller --users or a longer --probe-timeout.`);
    }
    await new Promise((resolve) => setTimeout(resolve, REPORT_POLL_MS));
  }
}
