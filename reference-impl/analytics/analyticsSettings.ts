/*
 * The analytics API's own settings (seed 000): cache TTLs, the write buffer, rollup refresh and partition
 * upkeep. Declared once as environment variables (Workload.env, read by harness/config/readEnv.ts); the plugin
 * turns the validated values into this typed object.
 */
import { defineSettings } from '../../harness/config/defineSettings.ts';
import { ACK_MODES, type AckMode } from '../platform/writeBuffer/WriteBuffer.ts';

export interface AnalyticsSettings {
  pinTtlS: number;
  userTtlS: number;
  analyticsTtlS: number;
  flushIntervalMs: number;
  flushMaxEvents: number;
  bufferMaxEvents: number;
  mvRefreshIntervalS: number;
  partitionMonthsAhead: number;
  /** Months of pin_analytics partitions kept online (seed 000: 12 months retention). */
  partitionRetentionMonths: number;
  /** What POST /pins/:number/events' 202 promises (issue 14). */
  ackMode: AckMode;
  /** Period of the worker that persists chat messages and match states from Redis to Postgres. */
  messageFlushS: number;
  /** Newest messages per match kept in Redis for reads. */
  recentMessages: number;
  /** Period of the job that counts the audit stream's days into pin_audit_daily. */
  auditSummaryS: number;
}

/** Field -> variable, with meaning, default and bounds. */
const settings = defineSettings<AnalyticsSettings>({
  pinTtlS: ['SCALEPROOF_PIN_TTL_S', { kind: 'int', default: 60, min: 1, description: 'TTL of pin:<number> (seed 000: public PIN cached 60 s)' }],
  userTtlS: ['SCALEPROOF_USER_TTL_S', { kind: 'int', default: 300, min: 1, description: 'TTL of user:<id>' }],
  analyticsTtlS: ['SCALEPROOF_ANALYTICS_TTL_S', { kind: 'int', default: 300, min: 1, description: 'TTL of pin:analytics:<number>:<day>' }],
  flushIntervalMs: ['SCALEPROOF_FLUSH_INTERVAL_MS', { kind: 'int', default: 500, min: 1, description: 'write buffer flush interval (seed 000: batch every 500 ms)' }],
  flushMaxEvents: ['SCALEPROOF_FLUSH_MAX_EVENTS', { kind: 'int', default: 1000, min: 1, description: 'write buffer flushes when it holds this many events' }],
  bufferMaxEvents: ['SCALEPROOF_BUFFER_MAX_EVENTS', { kind: 'int', default: 100_000, min: 1, description: 'write buffer bound; beyond it POST answers 503' }],
  mvRefreshIntervalS: ['SCALEPROOF_MV_REFRESH_INTERVAL_S', { kind: 'int', default: 60, min: 0, description: 'materialized view refresh period (0 disables)' }],
  partitionMonthsAhead: ['SCALEPROOF_PARTITION_MONTHS_AHEAD', { kind: 'int', default: 6, min: 0, description: 'months of partitions kept ahead of now() (seed 000: current + 6)' }],
  partitionRetentionMonths: ['SCALEPROOF_PARTITION_RETENTION_MONTHS', { kind: 'int', default: 12, min: 1, description: 'months of pin_analytics partitions kept before they are dropped' }],
  ackMode: ['SCALEPROOF_ACK_MODE', {
    kind: 'choice', default: 'buffered', choices: ACK_MODES,
    description: 'what a POST event 202 promises: buffered (the plan: in memory, drained on SIGTERM, a crash loses up to one flush interval) or committed (group commit: answered after the batch holding it has committed to Postgres)',
  }],
  messageFlushS: ['SCALEPROOF_ANALYTICS_MESSAGE_FLUSH_S', { kind: 'int', default: 60, min: 1, description: 'how often chat messages and match states are persisted from Redis to Postgres in one batch (seed 000: "every N minutes")' }],
  recentMessages: ['SCALEPROOF_ANALYTICS_RECENT_MESSAGES', { kind: 'int', default: 100, min: 1, description: 'newest messages per match kept in Redis; older pages come from Postgres' }],
  auditSummaryS: ['SCALEPROOF_ANALYTICS_AUDIT_SUMMARY_S', { kind: 'int', default: 3600, min: 1, description: 'how often the audit stream is counted into pin_audit_daily (seed 000: "summarize daily counts")' }],
});

/** The variables the analytics workload declares. */
export const analyticsEnv = settings.env;
export const defaultAnalyticsSettings = settings.defaults;
export const analyticsSettings = settings.read;
export const analyticsEnvValues = settings.values;
