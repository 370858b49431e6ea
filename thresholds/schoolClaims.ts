/*
 * Every numbered claim of seed 001 (001_481a619d39e06029.txt, school dashboards), as data for bench:plan.
 * Quotes are verbatim: the seed's arrows and emoji are mojibake ("â†’" is a "→" encoded twice) and are quoted
 * as the file has them (test/plan/claims.test.ts checks each quote). Ranges take the conservative end: the lower
 * "before", the higher "after", the smaller factor. "X -> Y" figures are typical times (p50); targets ("<N")
 * are judged at p95, as thresholds/school.ts does.
 *
 * Steps: naive (the plan's "before") and optimized (every phase); the plan's phases 1-3 are not separate
 * variants, so a claim of one phase is measured naive -> optimized and its comment says what else that step
 * changes. Read replicas (2.1) and pooling (2.2) are the optimized variant with its topology switched (H1's
 * pooler/replica switch). Left out as not claims: constants inside code samples (LIMIT 50, 10 s fetch timeout,
 * 12 partitions ahead, retries 3, quality=80, the 1 s slow-query log) and the 12-week plan's per-phase weeks.
 */
import { defineClaims } from '../harness/plan/PlanClaims.ts';
import { notHere, reasons } from './claimForms.ts';

const tasksP50 = { kind: 'latency', endpoint: 'tasks_analytics', stat: 'p50' } as const;
const tasksP95 = { kind: 'latency', endpoint: 'tasks_analytics', stat: 'p95' } as const;
const dashboardP50 = { kind: 'latency', endpoint: 'dashboard', stat: 'p50' } as const;
const dashboardP95 = { kind: 'latency', endpoint: 'dashboard', stat: 'p95' } as const;
const dashboardQueries = { kind: 'queriesPerRequest', endpoint: 'dashboard' } as const;
const userDashboardQueries = { kind: 'queriesPerRequest', endpoint: 'user_dashboard' } as const;
const cacheHit = { kind: 'cacheHitRatio' } as const;
const NO_DB_TIME = "bench:plan's metrics have no database-side time or CPU (pg_stat_statements total time per step would be one); queries per request does not show a heavier query";
/** The default mix is the plan's per-minute load (100,000 reads : 10,000 writes : 1,000 analytics), 111,000/min in all = 1,850 req/s. */
const MIX_AT_TARGET_RPS = 1850;
const MIX_TODAY_RPS = 18.5;

const S = {
  top: 'Scaling Plan: 1 Million Users',
  summary: 'Executive Summary',
  capacity: 'Current Capacity Estimates',
  mv: '1.1 Move Analytics to RPC Functions + Materialized Views',
  filtering: '1.2 Fix Client-Side Filtering',
  nPlus1: '1.3 Fix N+1 Patterns',
  dashboard: '1.4 Consolidate Dashboard Queries',
  replicas: '2.1 Database Read Replicas',
  pooling: '2.2 Connection Pooling',
  redis: '2.3 Redis Caching Layer',
  partitioning: '2.4 Database Partitioning',
  jobs: '3.1 Background Job Processing',
  cdn: '3.2 CDN for Static Assets',
  rateLimit: '3.3 Rate Limiting',
  alerting: '4.2 Alerting',
  costNow: 'Current (Estimated)',
  cost1M: 'At 1M Users',
  timeline: 'Timeline',
  success: 'Success Metrics',
  quick: 'Quick Wins (Do First)',
};

export const schoolClaims = defineClaims({
  workload: 'school',
  seedFile: '001_481a619d39e06029.txt',
  steps: [
    { id: 'naive', variant: 'naive', label: 'Before: analytics aggregated in JavaScript, six dashboard queries, client-side filtering, no Redis' },
    { id: 'optimized', variant: 'optimized', label: 'Phases 1-3: RPCs over materialized views, one-query dashboard, SQL filtering, Redis cache, job queue' },
    // 2.1 and 2.2 by H1's pooler/replica switch.
    { id: 'optimized-direct', variant: 'optimized', label: 'Phases 1-3 on the primary alone, no pooler', topology: { pooler: false, replica: false } },
    { id: 'optimized-replica', variant: 'optimized', label: '+ 2.1 read replica for analytics', topology: { pooler: false, replica: true } },
    { id: 'optimized-pooled', variant: 'optimized', label: '+ 2.2 PgBouncer connection pooling', topology: { pooler: true, replica: false } },
  ],
  claims: [
    notHere({ id: 'target-1m-users', quote: '**Target:** Support 1,000,000 concurrent users', section: S.top, unit: 'users', better: 'higher', claimed: { after: 1_000_000 } }, 'a million concurrent users cannot be driven from one machine; bench:capacity reports capacity in users of the plan\'s profile, a linear extrapolation'),
    notHere({ id: 'current-users', quote: '**Current State:** ~1,000-10,000 users (estimated)', section: S.top, unit: 'users', better: 'higher', claimed: { before: 1000 } }, reasons.production),
    notHere({ id: 'timeline', quote: '**Estimated Timeline:** 12-16 weeks', section: S.summary, unit: 'weeks', better: 'lower', claimed: { after: 12 } }, reasons.schedule),
    notHere({ id: 'cost-increase', quote: '**Estimated Cost Increase:** 5-10x current infrastructure costs', section: S.summary, unit: 'x', better: 'lower', claimed: { factor: 5 } }, reasons.cost),
    // ---- Current capacity vs the 1M-user requirement
    notHere({ id: 'gap-connections', quote: '| Database Connections | ~100-200 | 5,000-10,000 | **50x** |', section: S.capacity, unit: 'connections', better: 'higher', claimed: { before: 200, after: 5000, factor: 50 } }, 'a requirement (the gap at 1M users), not an effect; connection-capacity measures what pooling buys'),
    // The mix keeps the plan's 100:10:1 ratio, so each of the three rows asks for the same mix rate: 1,850 req/s
    // (111,000/min) against 18.5 today (1,110/min). Naive -> optimized is the whole plan.
    { id: 'gap-analytics', quote: '| Analytics Queries | ~10/min | 1,000+/min | **100x** |', section: S.capacity, unit: 'req/s', better: 'higher', claimed: { before: MIX_TODAY_RPS, after: MIX_AT_TARGET_RPS, factor: 100 }, metric: { kind: 'capacity' }, before: 'naive', after: 'optimized' },
    { id: 'gap-reads', quote: '| Read Queries | ~1,000/min | 100,000+/min | **100x** |', section: S.capacity, unit: 'req/s', better: 'higher', claimed: { before: MIX_TODAY_RPS, after: MIX_AT_TARGET_RPS, factor: 100 }, metric: { kind: 'capacity' }, before: 'naive', after: 'optimized' },
    { id: 'gap-writes', quote: '| Write Queries | ~100/min | 10,000+/min | **100x** |', section: S.capacity, unit: 'req/s', better: 'higher', claimed: { before: MIX_TODAY_RPS, after: MIX_AT_TARGET_RPS, factor: 100 }, metric: { kind: 'capacity' }, before: 'naive', after: 'optimized' },
    { id: 'gap-cache-hit', quote: '| Cache Hit Rate | ~30% | 80%+ | **Need Redis** |', section: S.capacity, unit: 'ratio', better: 'higher', claimed: { before: 0.3, after: 0.8 }, metric: cacheHit, before: 'naive', after: 'optimized' },
    { id: 'gap-dashboard', quote: '| Dashboard Load Time | ~2s | <1s | **Need optimization** |', section: S.capacity, unit: 'ms', better: 'lower', claimed: { before: 2000, after: 1000 }, metric: dashboardP95, before: 'naive', after: 'optimized' },
    // ---- 1.1 materialized views (naive -> optimized also adds the Redis cache in front of the RPCs)
    { id: 'analytics-100x', quote: 'Analytics queries: 100x faster (materialized views)', section: S.mv, unit: 'ms', better: 'lower', claimed: { factor: 100 }, metric: tasksP50, before: 'naive', after: 'optimized' },
    notHere({ id: 'analytics-db-load', quote: 'Database load: 90% reduction (pre-aggregated)', section: S.mv, unit: '%', better: 'lower', claimed: { factor: 10 } }, NO_DB_TIME),
    // "2-5s": 2 s is the conservative before.
    { id: 'analytics-response', quote: 'Response time: <100ms (was 2-5s)', section: S.mv, unit: 'ms', better: 'lower', claimed: { before: 2000, after: 100 }, metric: tasksP95, before: 'naive', after: 'optimized' },
    notHere({ id: 'mv-refresh-5min', quote: '-- Refresh materialized views every 5 minutes', section: S.mv, unit: 's', better: 'lower', claimed: { after: 300 } }, reasons.designParameter),
    // ---- 1.2 filtering in SQL
    notHere({ id: 'filtering-bandwidth', quote: 'Bandwidth: 70% reduction', section: S.filtering, unit: '%', better: 'lower', claimed: { factor: 3.3 } }, 'both variants send the client the same page; the rows the naive API pulls from Postgres are not counted by any bench:plan metric'),
    notHere({ id: 'filtering-memory', quote: 'Memory: 80% reduction', section: S.filtering, unit: '%', better: 'lower', claimed: { factor: 5 } }, 'the plan means the browser\'s memory (client-side filtering); the API\'s memory per step is not a bench:plan metric'),
    { id: 'filtering-query-time', quote: 'Query time: 50% faster (database filtering is optimized)', section: S.filtering, unit: 'ms', better: 'lower', claimed: { factor: 2 }, metric: { kind: 'latency', endpoint: 'students', stat: 'p50' }, before: 'naive', after: 'optimized' },
    // ---- 1.3 N+1 (resources: one query for the school vs one per class)
    { id: 'resources-queries', quote: 'Query count: 11 queries â†’ 1 query (for 10 classes)', section: S.nPlus1, unit: 'queries', better: 'lower', claimed: { before: 11, after: 1 }, metric: { kind: 'queriesPerRequest', endpoint: 'resources' }, before: 'naive', after: 'optimized' },
    { id: 'resources-response', quote: 'Response time: 2s â†’ 200ms', section: S.nPlus1, unit: 'ms', better: 'lower', claimed: { before: 2000, after: 200 }, metric: { kind: 'latency', endpoint: 'resources', stat: 'p50' }, before: 'naive', after: 'optimized' },
    // ---- 1.4 one dashboard query: the plan's get_dashboard_data(p_user_id, ...) is the user_dashboard endpoint
    // (naive: the role, then 6 widget queries); the school dashboard (dashboard) is consolidated the same way and
    // is the plan's "Dashboard load time" row. Naive -> optimized also caches the school dashboard in Redis.
    { id: 'dashboard-6-queries', quote: 'Dashboard makes 6+ queries on mount.', section: S.dashboard, unit: 'queries', better: 'lower', claimed: { before: 6 }, metric: userDashboardQueries, before: 'naive', after: 'optimized' },
    { id: 'dashboard-queries', quote: 'Query count: 6+ queries â†’ 1 query', section: S.dashboard, unit: 'queries', better: 'lower', claimed: { before: 6, after: 1 }, metric: userDashboardQueries, before: 'naive', after: 'optimized' },
    { id: 'school-dashboard-queries', quote: 'Query count: 6+ queries â†’ 1 query', section: S.dashboard, unit: 'queries', better: 'lower', claimed: { before: 6, after: 1 }, metric: dashboardQueries, before: 'naive', after: 'optimized' },
    { id: 'dashboard-load', quote: 'Dashboard load: 2s â†’ 300ms', section: S.dashboard, unit: 'ms', better: 'lower', claimed: { before: 2000, after: 300 }, metric: { kind: 'latency', endpoint: 'user_dashboard', stat: 'p50' }, before: 'naive', after: 'optimized' },
    // ---- 2.1 read replicas
    notHere({ id: 'replica-primary-load', quote: 'Primary DB load: 50% reduction', section: S.replicas, unit: '%', better: 'lower', claimed: { factor: 2 } }, NO_DB_TIME),
    { id: 'replica-read-capacity', quote: 'Read capacity: 10x increase', section: S.replicas, unit: 'req/s', better: 'higher', claimed: { factor: 10 }, metric: { kind: 'capacity' }, before: 'optimized-direct', after: 'optimized-replica' },
    // ---- 2.2 pooling
    notHere({ id: 'connections-10000', quote: '1M users = 10,000+ concurrent connections (exceeds PostgreSQL limit)', section: S.pooling, unit: 'connections', better: 'lower', claimed: { before: 10_000 } }, reasons.illustration),
    // The plan counts connections; what pooling buys shows here as sustainable req/s, compared as a factor (200 -> 10,000 = 50x).
    { id: 'connection-capacity', quote: 'Connection capacity: 200 â†’ 10,000+ (via pooling)', section: S.pooling, unit: 'req/s', better: 'higher', claimed: { factor: 50 }, metric: { kind: 'capacity' }, before: 'optimized-direct', after: 'optimized-pooled' },
    notHere({ id: 'connection-overhead', quote: 'Connection overhead: 90% reduction', section: S.pooling, unit: '%', better: 'lower', claimed: { factor: 10 } }, 'connection set-up is not timed on its own, and the API keeps its own pool in every step'),
    // ---- 2.3 Redis (naive -> optimized also includes 1.1's views and 1.4's single query; no step isolates the cache)
    notHere({ id: 'cache-ttl-5min', quote: '// Cache for 5 minutes', section: S.redis, unit: 's', better: 'higher', claimed: { after: 300 } }, reasons.designParameter),
    { id: 'cache-hit', quote: 'Cache hit rate: 30% â†’ 80%+', section: S.redis, unit: 'ratio', better: 'higher', claimed: { before: 0.3, after: 0.8 }, metric: cacheHit, before: 'naive', after: 'optimized' },
    { id: 'cache-db-load', quote: 'Database load: 70% reduction (for cached queries)', section: S.redis, unit: 'queries', better: 'lower', claimed: { factor: 3.3 }, metric: dashboardQueries, before: 'naive', after: 'optimized' },
    { id: 'cache-response', quote: 'Response time: 50% faster (for cached queries)', section: S.redis, unit: 'ms', better: 'lower', claimed: { factor: 2 }, metric: dashboardP50, before: 'naive', after: 'optimized' },
    // ---- 2.4 partitioning
    notHere({ id: 'partitioning-10x', quote: 'Query performance: 10x faster (for date-range queries)', section: S.partitioning, unit: 'x', better: 'higher', claimed: { factor: 10 } }, 'both variants partition attendance by month (reference-impl/school/schema/shared/002_attendance.sql), so no step isolates it'),
    // ---- 3.1 job queue (naive computes the report inside the POST; naive -> optimized is every phase)
    { id: 'jobs-throughput', quote: 'Throughput: 10x increase (async processing)', section: S.jobs, unit: 'req/s', better: 'higher', claimed: { factor: 10 }, metric: { kind: 'capacity' }, before: 'naive', after: 'optimized' },
    // ---- 3.2 CDN, 3.3 rate limit
    notHere({ id: 'cdn-images', quote: 'Image load time: 2s â†’ 200ms (via CDN)', section: S.cdn, unit: 'ms', better: 'lower', claimed: { before: 2000, after: 200 } }, reasons.clientSide),
    notHere({ id: 'cdn-bandwidth', quote: 'Server bandwidth: 80% reduction', section: S.cdn, unit: '%', better: 'lower', claimed: { factor: 5 } }, reasons.clientSide),
    notHere({ id: 'rate-limit-10', quote: '// Rate limit: 10 requests per minute per user', section: S.rateLimit, unit: 'req/min', better: 'lower', claimed: { after: 10 } }, reasons.designParameter),
    // ---- 4.2 alerts (the levels the plan alerts at, judged as targets of the optimized variant)
    notHere({ id: 'alert-db-cpu', quote: 'Database CPU > 80%', section: S.alerting, unit: '%', better: 'lower', claimed: { after: 80 } }, 'the database shares the machine with the API and the load generator; its CPU alone is not a bench:plan metric'),
    { id: 'alert-query-time', quote: 'Query time > 2s', section: S.alerting, unit: 'ms', better: 'lower', claimed: { after: 2000 }, metric: { kind: 'latency', stat: 'p95' }, before: 'naive', after: 'optimized' },
    { id: 'alert-error-rate', quote: 'Error rate > 1%', section: S.alerting, unit: 'ratio', better: 'lower', claimed: { after: 0.01 }, metric: { kind: 'errorRate' }, before: 'naive', after: 'optimized' },
    { id: 'alert-cache-hit', quote: 'Cache hit rate < 70%', section: S.alerting, unit: 'ratio', better: 'higher', claimed: { after: 0.7 }, metric: cacheHit, before: 'naive', after: 'optimized' },
    notHere({ id: 'alert-pool', quote: 'Connection pool > 80% full', section: S.alerting, unit: '%', better: 'lower', claimed: { after: 80 } }, "the API's pool gauges are in /metrics but are not a bench:plan metric"),
    // ---- cost and timeline
    notHere({ id: 'cost-supabase-now', quote: '- Supabase: $25-50/month', section: S.costNow, unit: 'USD/month', better: 'lower', claimed: { before: 25 } }, reasons.cost),
    notHere({ id: 'cost-now', quote: '**Total: $25-50/month**', section: S.costNow, unit: 'USD/month', better: 'lower', claimed: { before: 25 } }, reasons.cost),
    notHere({ id: 'cost-supabase', quote: 'Supabase Pro/Team: $500-2000/month', section: S.cost1M, unit: 'USD/month', better: 'lower', claimed: { after: 2000 } }, reasons.cost),
    notHere({ id: 'cost-redis', quote: 'Redis (Upstash): $100-500/month', section: S.cost1M, unit: 'USD/month', better: 'lower', claimed: { after: 500 } }, reasons.cost),
    notHere({ id: 'cost-cdn', quote: 'CDN (Cloudflare): $20-100/month', section: S.cost1M, unit: 'USD/month', better: 'lower', claimed: { after: 100 } }, reasons.cost),
    notHere({ id: 'cost-monitoring', quote: 'Monitoring (Sentry): $50-200/month', section: S.cost1M, unit: 'USD/month', better: 'lower', claimed: { after: 200 } }, reasons.cost),
    notHere({ id: 'cost-total', quote: '**Total: $670-2800/month**', section: S.cost1M, unit: 'USD/month', better: 'lower', claimed: { after: 2800 } }, reasons.cost),
    notHere({ id: 'cost-per-user', quote: '**Cost per user:** $0.00067 - $0.0028/month', section: S.cost1M, unit: 'USD/month', better: 'lower', claimed: { after: 0.0028 } }, reasons.cost),
    notHere({ id: 'timeline-total', quote: '**Total: 16 weeks (4 months)**', section: S.timeline, unit: 'weeks', better: 'lower', claimed: { after: 16 } }, reasons.schedule),
    // ---- success metrics
    { id: 'success-dashboard', quote: '| Dashboard load time | 2s | <500ms |', section: S.success, unit: 'ms', better: 'lower', claimed: { before: 2000, after: 500 }, metric: dashboardP95, before: 'naive', after: 'optimized' },
    // "2-5s": 2 s is the conservative before; the API's time bounds the query's.
    { id: 'success-analytics', quote: '| Analytics query time | 2-5s | <200ms |', section: S.success, unit: 'ms', better: 'lower', claimed: { before: 2000, after: 200 }, metric: tasksP95, before: 'naive', after: 'optimized' },
    notHere({ id: 'success-db-cpu', quote: '| Database CPU | <50% | <70% |', section: S.success, unit: '%', better: 'lower', claimed: { before: 50, after: 70 } }, 'the database shares the machine with the API and the load generator; its CPU alone is not a bench:plan metric'),
    { id: 'success-cache-hit', quote: '| Cache hit rate | 30% | 80%+ |', section: S.success, unit: 'ratio', better: 'higher', claimed: { before: 0.3, after: 0.8 }, metric: cacheHit, before: 'naive', after: 'optimized' },
    { id: 'success-error-rate', quote: '| Error rate | <0.1% | <0.1% |', section: S.success, unit: 'ratio', better: 'lower', claimed: { before: 0.001, after: 0.001 }, metric: { kind: 'errorRate' }, before: 'naive', after: 'optimized' },
    notHere({ id: 'success-uptime', quote: '| Uptime | 99% | 99.9% |', section: S.success, unit: 'ratio', better: 'higher', claimed: { before: 0.99, after: 0.999 } }, reasons.production),
    // ---- quick wins
    notHere({ id: 'quick-rpc', quote: '**Move analytics to RPC** (Week 1) - Biggest impact', section: S.quick, unit: 'weeks', better: 'lower', claimed: { after: 1 } }, reasons.schedule),
    { id: 'quick-mv-100x', quote: '**Add materialized views** (Week 1-2) - 100x faster analytics', section: S.quick, unit: 'ms', better: 'lower', claimed: { factor: 100 }, metric: tasksP50, before: 'naive', after: 'optimized' },
    notHere({ id: 'quick-bandwidth', quote: '**Fix client-side filtering** (Week 2) - 70% bandwidth reduction', section: S.quick, unit: '%', better: 'lower', claimed: { factor: 3.3 } }, 'both variants send the client the same page; the rows the naive API pulls from Postgres are not counted by any bench:plan metric'),
    { id: 'quick-dashboard', quote: '**Consolidate dashboard queries** (Week 2) - 6 queries â†’ 1', section: S.quick, unit: 'queries', better: 'lower', claimed: { before: 6, after: 1 }, metric: userDashboardQueries, before: 'naive', after: 'optimized' },
    { id: 'quick-cache', quote: '**Add Redis caching** (Week 3) - 80% cache hit rate', section: S.quick, unit: 'ratio', better: 'higher', claimed: { after: 0.8 }, metric: cacheHit, before: 'naive', after: 'optimized' },
  ],
});
