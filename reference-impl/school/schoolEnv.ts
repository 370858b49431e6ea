/*
 * The school API's own settings (seed 001): cache TTLs, the analytics rate limit, the materialized-view refresh
 * and the job worker. Declared once as environment variables (Workload.env, read and validated by
 * harness/config/readEnv.ts); the plugins turn the validated values into the typed object below.
 */
import { defineSettings } from '../../harness/config/defineSettings.ts';

export interface SchoolSettings {
  /** Analytics requests per user per window; 0 turns the limiter off (both variants). */
  analyticsRateLimit: number;
  rateLimitWindowS: number;
  analyticsTtlS: number;
  dashboardTtlS: number;
  /** 0 disables the periodic refresh (optimized only; naive has no views). */
  mvRefreshIntervalS: number;
  jobPollMs: number;
  /** Jobs one poll may run back to back before it yields to the next tick. */
  jobsPerPoll: number;
  /** A job left 'processing' this long (its worker died) is taken again, as one more attempt. */
  jobLeaseS: number;
  /** A failed attempt is retried after this delay, doubled per attempt. */
  jobRetryDelayMs: number;
}

/** Field -> variable, with meaning, default and bounds. */
const settings = defineSettings<SchoolSettings>({
  analyticsRateLimit: ['SCALEPROOF_SCHOOL_ANALYTICS_RATE_LIMIT', {
    kind: 'int', default: 10, min: 0,
    description: 'analytics requests per user per window (seed 001 3.3: "10 requests per minute per user"); 0 disables',
  }],
  rateLimitWindowS: ['SCALEPROOF_SCHOOL_RATE_LIMIT_WINDOW_S', {
    kind: 'int', default: 60, min: 1, max: 86_400,
    description: 'window of the analytics rate limit (seed 001 3.3: expire after 1 minute)',
  }],
  analyticsTtlS: ['SCALEPROOF_SCHOOL_ANALYTICS_TTL_S', {
    kind: 'int', default: 300, min: 1,
    description: 'TTL of cached analytics RPC results (seed 001 2.3: "Cache for 5 minutes"; 1.1: views refresh every 5 min)',
  }],
  dashboardTtlS: ['SCALEPROOF_SCHOOL_DASHBOARD_TTL_S', {
    kind: 'int', default: 300, min: 1,
    description: 'TTL of the cached consolidated dashboard (seed 001 2.3: cache.set default ttlSeconds = 300)',
  }],
  mvRefreshIntervalS: ['SCALEPROOF_SCHOOL_MV_REFRESH_INTERVAL_S', {
    kind: 'int', default: 300, min: 0,
    description: 'refresh_school_analytics_views() period, optimized variant (seed 001 1.1: every 5 minutes); 0 disables',
  }],
  jobPollMs: ['SCALEPROOF_SCHOOL_JOB_POLL_MS', {
    kind: 'int', default: 1000, min: 10,
    description: 'how often the in-process worker looks for pending jobs (seed 001 3.1 polls every minute via pg_cron)',
  }],
  jobsPerPoll: ['SCALEPROOF_SCHOOL_JOBS_PER_POLL', {
    kind: 'int', default: 10, min: 1,
    description: 'jobs one worker poll runs back to back at most',
  }],
  jobLeaseS: ['SCALEPROOF_SCHOOL_JOB_LEASE_S', {
    kind: 'int', default: 300, min: 1,
    description: "a job 'processing' longer than this (its worker died) is taken again, counted as an attempt",
  }],
  jobRetryDelayMs: ['SCALEPROOF_SCHOOL_JOB_RETRY_DELAY_MS', {
    kind: 'int', default: 5000, min: 0,
    description: 'delay before a failed job runs again, doubled per attempt (seed 001 3.1: "automatic retries", max 3)',
  }],
});

/** The variables the school workload declares. */
export const schoolEnv = settings.env;
export const defaultSchoolSettings = settings.defaults;
export const schoolSettings = settings.read;
export const schoolEnvValues = settings.values;
