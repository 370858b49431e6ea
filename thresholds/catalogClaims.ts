/*
 * Every numbered claim of seed 004 (004_c72310a860689a06.txt, multi-tenant gifting catalogs), as data for
 * bench:plan. Quotes are verbatim: the seed's arrows and multiplication signs are mojibake ("â†’" is a "→"
 * encoded twice, "Ã—" a "×") and are quoted as the file has them (test/plan/claims.test.ts checks each quote).
 * Ranges take the conservative end: the lower "before", the higher "after", the smaller factor.
 *
 * The plan orders its phases, and the steps follow it: naive (the KV store) -> phase1 (tables + indexes) ->
 * phase2 (+ Redis cache) -> optimized (+ queued reports, row-level security, per-client rate limit); phase 5
 * (read replica + pgBouncer) is the optimized variant with its topology switched (H1's pooler/replica switch).
 * Under row-level security a read is its tenant transaction: BEGIN, set_config, the SELECT, COMMIT (4 statements
 * counted; thresholds/catalog.ts), so "1 query" claims after `optimized` measure 4 on a cache miss, 0 on a hit.
 * Left out as not claims: per-task day estimates of the week plans, constants inside code samples, and the
 * ASCII diagrams' repeats of figures quoted here from the tables.
 */
import { defineClaims } from '../harness/plan/PlanClaims.ts';
import { clientReportSeconds, listThousandProductsMs, listThousandProductsStatements } from '../scenarios/catalog/planProbes.ts';
import { notHere, reasons } from './claimForms.ts';

const list1000Ms = { kind: 'probe', name: 'list-1000-products-ms', run: listThousandProductsMs } as const;
const list1000Statements = { kind: 'probe', name: 'list-1000-products-statements', run: listThousandProductsStatements } as const;
const reportS = { kind: 'probe', name: 'client-report-s', run: clientReportSeconds } as const;
const productsQueries = { kind: 'queriesPerRequest', endpoint: 'products' } as const;
const p95All = { kind: 'latency', stat: 'p95' } as const;
const p50All = { kind: 'latency', stat: 'p50' } as const;
const NO_BULK_IMPORT = 'the workload has no bulk import, ERP sync, e-mail, image or export operation (only product lists, orders and monthly reports)';

const S = {
  summary: 'Executive Summary',
  problems: 'Performance Problems Today',
  targets: 'Scalability Targets',
  growth: 'Growth Projections',
  phase1: 'Phase 1: Database Optimization (Weeks 1-2)',
  phase2: 'Phase 2: Caching Layer (Weeks 3-4)',
  phase3: 'Phase 3: Queue System for Async Operations (Weeks 5-7)',
  phase4: 'Phase 4: Multi-Tenancy & Data Isolation (Weeks 8-10)',
  phase5: 'Phase 5: Read Replicas & Connection Pooling (Weeks 11-12)',
  after: 'Performance Improvements Summary',
  priority: 'Implementation Priority',
  risk: 'Risk Mitigation',
  quick: 'Alternative: Incremental Approach',
  conclusion: 'Conclusion & Recommendation',
};

export const catalogClaims = defineClaims({
  workload: 'catalog',
  seedFile: '004_c72310a860689a06.txt',
  steps: [
    { id: 'naive', variant: 'naive', label: 'Before: one KV store table, N+1 gets, tenant filtering in JavaScript, no cache' },
    { id: 'phase1', variant: 'phase1', label: 'Phase 1: proper tables + indexes (no cache, no RLS)' },
    { id: 'phase2', variant: 'phase2', label: '+ Phase 2: Redis caching layer (no RLS)' },
    { id: 'optimized', variant: 'optimized', label: '+ Phases 3-4: queued reports, row-level security, per-client rate limit' },
    // Phase 5 by H1's pooler/replica switch: the same variant on one primary, then with pgBouncer and the replica.
    { id: 'phase5-direct', variant: 'optimized', label: 'Phases 1-4 on the primary alone, no pooler', topology: { pooler: false, replica: false } },
    { id: 'phase5', variant: 'optimized', label: '+ Phase 5: read replica and pgBouncer', topology: { pooler: true, replica: true } },
  ],
  claims: [
    // ---- Executive summary
    notHere({ id: 'sync-10000-products', quote: 'Syncing 10,000+ products is slow', section: S.summary, unit: 'products', better: 'higher', claimed: { before: 10_000 } }, NO_BULK_IMPORT),
    notHere({ id: 'total-timeline', quote: '**Total Timeline:** 12 weeks', section: S.summary, unit: 'weeks', better: 'lower', claimed: { after: 12 } }, reasons.schedule),
    notHere({ id: 'total-cost', quote: '**Total Cost:** ~$60,000 (vs $615,000 for Angular migration)', section: S.summary, unit: 'USD', better: 'lower', claimed: { before: 615_000, after: 60_000 } }, reasons.cost),
    notHere({ id: 'roi', quote: '**ROI:** 500%+ (actual business value delivered)', section: S.summary, unit: '%', better: 'higher', claimed: { after: 500 } }, reasons.cost),
    // ---- Problems today (the naive variant's behaviour)
    {
      // The naive catalog list is N+1 (one get per catalog); the fix is Phase 1's single query. The layout's large
      // clients have 5 catalogs, small ones 2 (mix average about 3 queries).
      id: 'catalogs-n-plus-1', quote: '5 catalogs = 6 database queries', section: S.problems, unit: 'queries', better: 'lower',
      claimed: { before: 6, after: 1 }, metric: { kind: 'queriesPerRequest', endpoint: 'catalogs' }, before: 'naive', after: 'phase1',
    },
    notHere({ id: 'catalogs-50', quote: '50 catalogs = 51 database queries', section: S.problems, unit: 'queries', better: 'lower', claimed: { before: 51 } }, 'no client has 50 catalogs in the layout (2-5 each); catalogs-n-plus-1 measures the same N+1'),
    { id: 'gifts-1000-queries', quote: '1,000 products = 1,001 queries', section: S.problems, unit: 'statements', better: 'lower', claimed: { before: 1001, after: 1 }, metric: list1000Statements, before: 'naive', after: 'phase1' },
    notHere({ id: 'gifts-10000-queries', quote: '10,000 products = 10,001 queries', section: S.problems, unit: 'queries', better: 'lower', claimed: { before: 10_001 } }, 'the API pages at most 1,000 products (MAX_PAGE_SIZE); gifts-1000-queries measures the same N+1 at 1,000'),
    // "20-30 seconds": the lower end, 20 s, is the conservative "before".
    { id: 'gifts-page-load', quote: 'Page load time: **20-30 seconds**', section: S.problems, unit: 'ms', better: 'lower', claimed: { before: 20_000 }, metric: list1000Ms, before: 'naive', after: 'phase1' },
    notHere({ id: 'report-loads-100000', quote: 'Loads 100,000 orders into memory', section: S.problems, unit: 'orders', better: 'lower', claimed: { before: 100_000 } }, "a data volume, not an outcome: the naive report reads every order of the dataset (581,760 over 12 months at the default scale)"),
    // "5-10 minutes": 5 min (300 s), the lower end.
    { id: 'report-naive-minutes', quote: 'Takes 5-10 minutes', section: S.problems, unit: 's', better: 'lower', claimed: { before: 300 }, metric: reportS, before: 'naive', after: 'optimized' },
    notHere({ id: 'edge-timeout', quote: 'Supabase Edge Function timeout: 2 minutes â†’ **Request fails!**', section: S.problems, unit: 's', better: 'lower', claimed: { before: 120 } }, "a limit of Supabase's hosted edge functions; the API here has no request timeout, and reports run as jobs in both variants"),
    // ---- Scalability targets
    { id: 'target-concurrent-users', quote: '| **Concurrent Users** | ~50 | 500+ |', section: S.targets, unit: 'req/s', better: 'higher', claimed: { before: 50, after: 500, factor: 10 }, metric: { kind: 'capacity' }, before: 'naive', after: 'optimized' },
    // "2-5s": 2 s is the conservative before.
    { id: 'target-api-response', quote: '| **API Response Time** | 2-5s | <500ms |', section: S.targets, unit: 'ms', better: 'lower', claimed: { before: 2000, after: 500 }, metric: p95All, before: 'naive', after: 'optimized' },
    notHere({ id: 'target-products', quote: '| **Products in Catalog** | 1,000 | 100,000+ |', section: S.targets, unit: 'products', better: 'higher', claimed: { before: 1000, after: 100_000 } }, 'a data volume the dataset is built to (198,000 products at the default 200,000 users), the same for every variant'),
    notHere({ id: 'target-orders-hour', quote: '| **Orders per Hour** | 10 | 1,000+ |', section: S.targets, unit: 'orders/h', better: 'higher', claimed: { before: 10, after: 1000 } }, "bench:plan's metrics have no per-endpoint throughput (capacity is the whole mix); 1,000 an hour is 0.28 orders/s"),
    { id: 'target-report', quote: '| **Report Generation** | 5min | <30s |', section: S.targets, unit: 's', better: 'lower', claimed: { before: 300, after: 30 }, metric: reportS, before: 'naive', after: 'optimized' },
    notHere({ id: 'target-connections', quote: '| **Database Connections** | 1 per request | Pooled |', section: S.targets, unit: 'connections/request', better: 'lower', claimed: { before: 1 } }, 'both variants use a connection pool; there is no connection-per-request variant to compare'),
    { id: 'target-cache-hit', quote: '| **Cache Hit Rate** | 0% | 80%+ |', section: S.targets, unit: 'ratio', better: 'higher', claimed: { before: 0, after: 0.8 }, metric: { kind: 'cacheHitRatio' }, before: 'naive', after: 'optimized' },
    notHere({ id: 'growth-year-1', quote: '**Year 1:** 10 clients, 50 sites, 10,000 products, 1,000 orders/month', section: S.growth, unit: 'products', better: 'higher', claimed: { after: 10_000 } }, 'a business projection; --users sets the dataset scale (200,000 users is year 3)'),
    notHere({ id: 'growth-year-2', quote: '**Year 2:** 50 clients, 200 sites, 50,000 products, 10,000 orders/month', section: S.growth, unit: 'products', better: 'higher', claimed: { after: 50_000 } }, 'a business projection; --users sets the dataset scale (200,000 users is year 3)'),
    notHere({ id: 'growth-year-3', quote: '**Year 3:** 200 clients, 1,000 sites, 200,000 products, 50,000 orders/month', section: S.growth, unit: 'products', better: 'higher', claimed: { after: 200_000 } }, 'the default dataset is this projection (scenarios/catalog/layout.ts); a data volume, not an outcome'),
    // ---- Phase 1
    // "10-50x": 10x, the lower end.
    { id: 'phase1-goal', quote: 'Improve query performance by 10-50x through proper database structure and indexes.', section: S.phase1, unit: 'ms', better: 'lower', claimed: { factor: 10 }, metric: p50All, before: 'naive', after: 'phase1' },
    notHere({ id: 'phase1-migration-gradual', quote: '**Timeline:** 2 weeks', section: S.phase1, unit: 'weeks', better: 'lower', claimed: { after: 2 } }, reasons.schedule),
    notHere({ id: 'phase1-migration-big-bang', quote: '**Timeline:** 1 week (but risky)', section: S.phase1, unit: 'weeks', better: 'lower', claimed: { after: 1 } }, reasons.schedule),
    // The API pages at most 1,000, so "before" measures about 1,001; the after-value (1 query) is the test.
    { id: 'phase1-products-10000', quote: '**Performance:** 10,001 queries â†’ 1 query = **10,000x improvement!**', section: S.phase1, unit: 'statements', better: 'lower', claimed: { before: 10_001, after: 1, factor: 10_000 }, metric: list1000Statements, before: 'naive', after: 'phase1' },
    notHere({ id: 'phase1-report-queries', quote: '**Performance:** 100,001 queries â†’ 1 query = **100,000x improvement!**', section: S.phase1, unit: 'queries', better: 'lower', claimed: { before: 100_001, after: 1, factor: 100_000 } }, "the report runs in a job, off the request, and the API counts statements per route only; client-report measures the report's time"),
    notHere({ id: 'phase1-cost', quote: '**Estimated Cost:** $10,000 (80 hours)', section: S.phase1, unit: 'USD', better: 'lower', claimed: { after: 10_000 } }, reasons.cost),
    // "100-1000x": 100x, the lower end.
    { id: 'phase1-expected', quote: '**Expected Improvement:** 100-1000x faster queries', section: S.phase1, unit: 'ms', better: 'lower', claimed: { factor: 100 }, metric: p50All, before: 'naive', after: 'phase1' },
    // ---- Phase 2: what the cache bought, phase1 -> phase2. "Database load" is statements per product list.
    { id: 'phase2-goal', quote: 'Reduce database load by 80%+ through intelligent caching.', section: S.phase2, unit: 'statements', better: 'lower', claimed: { factor: 5 }, metric: productsQueries, before: 'phase1', after: 'phase2' },
    notHere({ id: 'phase2-request-300ms', quote: 'Total: 300ms per request', section: S.phase2, unit: 'ms', better: 'lower', claimed: { before: 300 } }, reasons.illustration),
    notHere({ id: 'phase2-db-time', quote: '6,000 requests Ã— 300ms = 30 minutes of database time per hour!', section: S.phase2, unit: 'min/h', better: 'lower', claimed: { before: 30 } }, reasons.illustration),
    { id: 'phase2-miss-300ms', quote: 'First request: 300ms (cache miss)', section: S.phase2, unit: 'ms', better: 'lower', claimed: { before: 300 }, metric: { kind: 'latency', endpoint: 'products', stat: 'p50' }, before: 'phase1', after: 'phase2' },
    { id: 'phase2-hit-5ms', quote: 'Next 999 requests: 5ms (cache hit)', section: S.phase2, unit: 'ms', better: 'lower', claimed: { after: 5 }, metric: { kind: 'latency', endpoint: 'products', stat: 'p50' }, before: 'phase1', after: 'phase2' },
    { id: 'phase2-hit-99', quote: '99% cache hit rate:', section: S.phase2, unit: 'ratio', better: 'higher', claimed: { after: 0.99 }, metric: { kind: 'cacheHitRatio' }, before: 'phase1', after: 'phase2' },
    notHere({ id: 'phase2-db-48s', quote: 'Total: 48 seconds of database time per hour', section: S.phase2, unit: 's/h', better: 'lower', claimed: { after: 48 } }, reasons.illustration),
    { id: 'phase2-load-98', quote: 'Database load reduced by 98%!', section: S.phase2, unit: 'statements', better: 'lower', claimed: { factor: 50 }, metric: productsQueries, before: 'phase1', after: 'phase2' },
    notHere({ id: 'redis-100x', quote: 'In-memory (100x faster than PostgreSQL)', section: S.phase2, unit: 'x', better: 'higher', claimed: { factor: 100 } }, 'a comparison of two stores, not of the plan\'s steps; phase2-hit-5ms measures what the cache buys'),
    notHere({ id: 'ttl-catalogs', quote: '| **Catalogs** | 1 hour | Changes infrequently |', section: S.phase2, unit: 's', better: 'higher', claimed: { after: 3600 } }, reasons.designParameter),
    notHere({ id: 'ttl-products', quote: '| **Products** | 30 min | Updates occasionally |', section: S.phase2, unit: 's', better: 'higher', claimed: { after: 1800 } }, reasons.designParameter),
    notHere({ id: 'ttl-site-config', quote: '| **Site Config** | 5 min | May change during setup |', section: S.phase2, unit: 's', better: 'higher', claimed: { after: 300 } }, reasons.designParameter),
    notHere({ id: 'ttl-orders', quote: '| **Orders** | 10 min | Status updates occasionally |', section: S.phase2, unit: 's', better: 'higher', claimed: { after: 600 } }, reasons.designParameter),
    notHere({ id: 'ttl-reports', quote: '| **Reports** | 1 day | Historical data, rarely changes |', section: S.phase2, unit: 's', better: 'higher', claimed: { after: 86_400 } }, reasons.designParameter),
    notHere({ id: 'ttl-sessions', quote: '| **User Sessions** | 1 hour | Security consideration |', section: S.phase2, unit: 's', better: 'higher', claimed: { after: 3600 } }, 'the workload has no user sessions (the tenant comes in x-client-id)'),
    notHere({ id: 'ttl-rate-limits', quote: '| **API Rate Limits** | 1 min | Short-lived counters |', section: S.phase2, unit: 's', better: 'higher', claimed: { after: 60 } }, reasons.designParameter),
    // "80-90%": 80%, the lower end (a factor of 5 fewer statements).
    { id: 'phase2-expected', quote: '**Expected Improvement:** 80-90% reduction in database load', section: S.phase2, unit: 'statements', better: 'lower', claimed: { factor: 5 }, metric: productsQueries, before: 'phase1', after: 'phase2' },
    notHere({ id: 'phase2-estimated-cost', quote: '**Estimated Cost:** $10,000 (80 hours)', section: S.phase2, unit: 'USD', better: 'lower', claimed: { after: 10_000 } }, reasons.cost),
    notHere({ id: 'upstash-free', quote: 'Free tier: 10,000 commands/day (sufficient for testing)', section: S.phase2, unit: 'commands/day', better: 'higher', claimed: { after: 10_000 } }, reasons.cost),
    notHere({ id: 'upstash-pro', quote: 'Pro tier: $0.20 per 100K commands (~$20/month for production)', section: S.phase2, unit: 'USD/month', better: 'lower', claimed: { after: 20 } }, reasons.cost),
    // ---- Phase 3
    notHere({ id: 'bulk-import-58min', quote: '// Total time: 10,000 Ã— 350ms = 3,500 seconds = 58 MINUTES!', section: S.phase3, unit: 's', better: 'lower', claimed: { before: 3500 } }, NO_BULK_IMPORT),
    notHere({ id: 'queue-bulk-import', quote: '| **Bulk Product Import** | 10-60 min | Blocks API | HIGH |', section: S.phase3, unit: 'min', better: 'lower', claimed: { before: 10 } }, NO_BULK_IMPORT),
    notHere({ id: 'queue-erp-sync', quote: '| **Catalog Sync from ERP** | 5-30 min | Blocks API | HIGH |', section: S.phase3, unit: 'min', better: 'lower', claimed: { before: 5 } }, NO_BULK_IMPORT),
    // "2-10 min": 2 min (120 s), the lower end.
    { id: 'queue-report', quote: '| **Report Generation** | 2-10 min | Blocks API | HIGH |', section: S.phase3, unit: 's', better: 'lower', claimed: { before: 120 }, metric: reportS, before: 'naive', after: 'optimized' },
    notHere({ id: 'queue-email', quote: '| **Email Notifications** | 1-5 min | Blocks API | MEDIUM |', section: S.phase3, unit: 'min', better: 'lower', claimed: { before: 1 } }, NO_BULK_IMPORT),
    notHere({ id: 'queue-images', quote: '| **Image Processing** | 30s-5min | Blocks API | MEDIUM |', section: S.phase3, unit: 's', better: 'lower', claimed: { before: 30 } }, NO_BULK_IMPORT),
    notHere({ id: 'queue-export', quote: '| **Data Export (CSV/Excel)** | 1-5 min | Blocks API | MEDIUM |', section: S.phase3, unit: 'min', better: 'lower', claimed: { before: 1 } }, NO_BULK_IMPORT),
    notHere({ id: 'phase3-cost', quote: '**Estimated Cost:** $15,000 (120 hours)', section: S.phase3, unit: 'USD', better: 'lower', claimed: { after: 15_000 } }, reasons.cost),
    notHere({ id: 'phase3-expected', quote: '**Expected Improvement:** No more timeouts, 100x better UX', section: S.phase3, unit: 'x', better: 'higher', claimed: { factor: 100 } }, 'both variants queue reports and answer 202 at once (naive in process memory, reference-impl/catalog/jobs/memoryReportQueue.ts): there is no blocking "before" here'),
    notHere({ id: 'workers-3-5', quote: 'Workers: 3-5 concurrent', section: 'Complete Architecture - After All Phases', unit: 'workers', better: 'higher', claimed: { after: 3 } }, reasons.designParameter),
    // ---- Phase 4 (RLS: the plan puts no number on its cost; the phase2 -> optimized step shows it)
    notHere({ id: 'client-rate-limit', quote: 'const limit = 1000;  // 1000 requests per hour', section: S.phase4, unit: 'req/h', better: 'higher', claimed: { after: 1000 } }, reasons.designParameter),
    notHere({ id: 'tier-timeouts', quote: 'enterprise: 60000,  // 60 seconds', section: S.phase4, unit: 'ms', better: 'higher', claimed: { after: 60_000 } }, 'the workload has no client tiers or per-tier statement timeouts'),
    notHere({ id: 'phase4-cost', quote: '**Estimated Cost:** $15,000 (120 hours)', section: S.phase4, unit: 'USD', better: 'lower', claimed: { after: 15_000 } }, reasons.cost),
    // ---- Phase 5
    notHere({ id: 'primary-reads', quote: '10,000 reads per minute', section: S.phase5, unit: 'reads/min', better: 'higher', claimed: { before: 10_000 } }, reasons.illustration),
    notHere({ id: 'replica-reads', quote: '5,000 reads per minute', section: S.phase5, unit: 'reads/min', better: 'higher', claimed: { after: 5000 } }, reasons.illustration),
    notHere({ id: 'pro-plan', quote: 'Need Pro plan ($25/month).', section: S.phase5, unit: 'USD/month', better: 'lower', claimed: { after: 25 } }, reasons.cost),
    notHere({ id: 'connect-overhead', quote: '// 50-100ms overhead!', section: S.phase5, unit: 'ms', better: 'lower', claimed: { before: 50 } }, 'no variant opens a connection per request (both pool); there is no such "before" to time'),
    notHere({ id: 'max-connections', quote: '// 1000 concurrent requests = 1000 new connections', section: S.phase5, unit: 'connections', better: 'lower', claimed: { before: 1000 } }, reasons.illustration),
    notHere({ id: 'pgbouncer-20', quote: 'PgBouncer (maintains 20 connections)', section: S.phase5, unit: 'connections', better: 'lower', claimed: { after: 20 } }, reasons.designParameter),
    notHere({ id: 'phase5-cost', quote: '**Estimated Cost:** $10,000 (80 hours)', section: S.phase5, unit: 'USD', better: 'lower', claimed: { after: 10_000 } }, reasons.cost),
    notHere({ id: 'phase5-pro-cost', quote: '**Supabase Pro Cost:** $25/month (includes read replica)', section: S.phase5, unit: 'USD/month', better: 'lower', claimed: { after: 25 } }, reasons.cost),
    // "3-5x": 3x, the lower end. Read throughput = sustainable req/s of the (read-heavy) mix.
    { id: 'phase5-read-throughput', quote: '**Expected Improvement:** 3-5x read throughput', section: S.phase5, unit: 'req/s', better: 'higher', claimed: { factor: 3 }, metric: { kind: 'capacity' }, before: 'phase5-direct', after: 'phase5' },
    // Connections are not counted here; what more connections buy shows as sustainable req/s at the budget.
    { id: 'phase5-connections', quote: '10x more concurrent connections', section: S.phase5, unit: 'req/s', better: 'higher', claimed: { factor: 10 }, metric: { kind: 'capacity' }, before: 'phase5-direct', after: 'phase5' },
    // ---- Before vs after (the whole plan: naive -> optimized)
    { id: 'list-1000-queries', quote: '| **List 1000 Products** | 1,001 queries, 30s | 1 query, 50ms |', section: S.after, unit: 'statements', better: 'lower', claimed: { before: 1001, after: 1 }, metric: list1000Statements, before: 'naive', after: 'optimized' },
    // The load mix's product list is PAGE_SIZE = 100, so naive measures about 101 there; the after-value is the test.
    { id: 'list-queries-per-request', quote: '| **List 1000 Products** | 1,001 queries, 30s | 1 query, 50ms |', section: S.after, unit: 'queries', better: 'lower', claimed: { before: 1001, after: 1 }, metric: productsQueries, before: 'naive', after: 'optimized' },
    { id: 'list-1000-time', quote: '| **List 1000 Products** | 1,001 queries, 30s | 1 query, 50ms | 600x faster |', section: S.after, unit: 'ms', better: 'lower', claimed: { before: 30_000, after: 50, factor: 600 }, metric: list1000Ms, before: 'naive', after: 'optimized' },
    notHere({ id: 'client-report-queries', quote: '| **Client Report** | 100,001 queries, 5min | 1 query, 2s |', section: S.after, unit: 'queries', better: 'lower', claimed: { before: 100_001, after: 1 } }, 'the report runs in a job, off the request, and the API counts statements per route only; client-report measures its time'),
    { id: 'client-report', quote: '| **Client Report** | 100,001 queries, 5min | 1 query, 2s | 150x faster |', section: S.after, unit: 's', better: 'lower', claimed: { before: 300, after: 2, factor: 150 }, metric: reportS, before: 'naive', after: 'optimized' },
    { id: 'concurrent-users', quote: '| **Concurrent Users** | ~50 | 500+ | 10x capacity |', section: S.after, unit: 'req/s', better: 'higher', claimed: { factor: 10 }, metric: { kind: 'capacity' }, before: 'naive', after: 'optimized' },
    { id: 'database-load', quote: '| **Database Load** | 100% | 20% | 80% reduction |', section: S.after, unit: 'queries', better: 'lower', claimed: { factor: 5 }, metric: productsQueries, before: 'naive', after: 'optimized' },
    // "2-5s" -> "100-500ms", "5-10x": the conservative ends are 2 s, 500 ms and 5x.
    { id: 'api-response', quote: '| **API Response Time** | 2-5s | 100-500ms | 5-10x faster |', section: S.after, unit: 'ms', better: 'lower', claimed: { before: 2000, after: 500, factor: 5 }, metric: p95All, before: 'naive', after: 'optimized' },
    notHere({ id: 'bulk-import', quote: '| **Bulk Product Import** | Timeouts (58min) | Background job |', section: S.after, unit: 'min', better: 'lower', claimed: { before: 58 } }, NO_BULK_IMPORT),
    { id: 'cache-hit', quote: '| **Cache Hit Rate** | 0% | 80%+ | 80% fewer DB queries |', section: S.after, unit: 'ratio', better: 'higher', claimed: { before: 0, after: 0.8 }, metric: { kind: 'cacheHitRatio' }, before: 'naive', after: 'optimized' },
    notHere({ id: 'roi-phase1', quote: '| Phase 1: Database | $10K | 2 weeks | HIGH | 1000% |', section: S.after, unit: '%', better: 'higher', claimed: { after: 1000 } }, reasons.cost),
    notHere({ id: 'roi-phase2', quote: '| Phase 2: Caching | $10K | 2 weeks | HIGH | 500% |', section: S.after, unit: '%', better: 'higher', claimed: { after: 500 } }, reasons.cost),
    notHere({ id: 'roi-phase3', quote: '| Phase 3: Queues | $15K | 3 weeks | HIGH | 300% |', section: S.after, unit: '%', better: 'higher', claimed: { after: 300 } }, reasons.cost),
    notHere({ id: 'roi-phase4', quote: '| Phase 4: Multi-tenancy | $15K | 3 weeks | HIGH | 400% |', section: S.after, unit: '%', better: 'higher', claimed: { after: 400 } }, reasons.cost),
    notHere({ id: 'roi-phase5', quote: '| Phase 5: Read Replicas | $10K | 2 weeks | MEDIUM | 200% |', section: S.after, unit: '%', better: 'higher', claimed: { after: 200 } }, reasons.cost),
    notHere({ id: 'roi-total', quote: '| **TOTAL** | **$60K** | **12 weeks** | **VERY HIGH** | **600%** |', section: S.after, unit: '%', better: 'higher', claimed: { after: 600 } }, reasons.cost),
    notHere({ id: 'angular-cost', quote: '**vs Angular Migration:** $615K, 26-52 weeks, 0% ROI', section: S.after, unit: 'USD', better: 'lower', claimed: { before: 615_000 } }, reasons.cost),
    notHere({ id: 'ten-x-cheaper', quote: '**This is 10x cheaper and provides actual business value!**', section: S.after, unit: 'x', better: 'higher', claimed: { factor: 10 } }, reasons.cost),
    // ---- Priority, risks, quick wins, conclusion
    notHere({ id: 'phases-1-2-90', quote: '**These two phases alone will give you 90% of the performance improvement!**', section: S.priority, unit: '%', better: 'higher', claimed: { after: 90 } }, "a share of the whole improvement, which no single metric expresses; the report's phase2 and optimized figures show it side by side"),
    notHere({ id: 'replicas-500-users', quote: '**Only needed when you exceed 500+ concurrent users.**', section: S.priority, unit: 'users', better: 'higher', claimed: { after: 500 } }, 'advice on when to adopt phase 5, not an outcome; phase5-read-throughput measures what it buys'),
    notHere({ id: 'dual-write-2-weeks', quote: 'Keep KV store, dual-write for 2 weeks', section: S.risk, unit: 'weeks', better: 'lower', claimed: { after: 2 } }, reasons.schedule),
    notHere({ id: 'load-test-1000', quote: 'Simulate 1000 concurrent users', section: S.risk, unit: 'users', better: 'higher', claimed: { after: 1000 } }, "a test method, not a claim; bench:catalog's --connections sets the simulated concurrency"),
    notHere({ id: 'quick-wins-path', quote: '### "Quick Wins" Path (4 weeks, $20K)', section: S.quick, unit: 'USD', better: 'lower', claimed: { after: 20_000 } }, reasons.cost),
    { id: 'quick-wins-hit', quote: '- 80%+ cache hit rate', section: S.quick, unit: 'ratio', better: 'higher', claimed: { after: 0.8 }, metric: { kind: 'cacheHitRatio' }, before: 'phase1', after: 'phase2' },
    { id: 'quick-wins-100x', quote: '- 100x faster queries', section: S.quick, unit: 'ms', better: 'lower', claimed: { factor: 100 }, metric: p50All, before: 'naive', after: 'phase2' },
    { id: 'quick-wins-db-load', quote: '- 80% less database load', section: S.quick, unit: 'queries', better: 'lower', claimed: { factor: 5 }, metric: productsQueries, before: 'naive', after: 'phase2' },
    { id: 'quick-wins-traffic', quote: '- Handles 5x more traffic', section: S.quick, unit: 'req/s', better: 'higher', claimed: { factor: 5 }, metric: { kind: 'capacity' }, before: 'naive', after: 'phase2' },
    notHere({ id: 'quick-wins-cost', quote: '- $20K investment vs $615K for Angular', section: S.quick, unit: 'USD', better: 'lower', claimed: { before: 615_000, after: 20_000 } }, reasons.cost),
    notHere({ id: 'angular-zero', quote: '**Migrating to Angular:** $615K, 6-12 months, ZERO scalability improvement', section: S.conclusion, unit: 'x', better: 'higher', claimed: { factor: 1 } }, 'about a front-end migration the workload has no part of'),
    // "100-1000x": 100x, the lower end.
    { id: 'plan-100-1000x', quote: '**This Architecture Plan:** $60K, 12 weeks, 100-1000x performance improvement', section: S.conclusion, unit: 'ms', better: 'lower', claimed: { factor: 100 }, metric: p50All, before: 'naive', after: 'optimized' },
    notHere({ id: 'ninety-for-33', quote: '**90% of the benefit for 33% of the cost**', section: S.conclusion, unit: '%', better: 'higher', claimed: { after: 90 } }, reasons.cost),
    notHere({ id: 'phases-3-5-cost', quote: '**If needed, continue with Phase 3-5** (8 weeks, $40K)', section: S.conclusion, unit: 'USD', better: 'lower', claimed: { after: 40_000 } }, reasons.cost),
    notHere({ id: 'total-12-weeks', quote: '**Total: 12 weeks and $60K for enterprise-grade architecture**', section: S.conclusion, unit: 'USD', better: 'lower', claimed: { after: 60_000 } }, reasons.cost),
    notHere({ id: 'angular-26-52', quote: '**Angular migration: 26-52 weeks and $615K for no actual improvement**', section: S.conclusion, unit: 'USD', better: 'lower', claimed: { before: 615_000 } }, reasons.cost),
  ],
});
