/*
 * The riders API's own settings (seed 002): the plan's Redis TTLs, the location write buffer, the views'
 * refresh schedules, partition upkeep and archival. Declared once as environment variables (Workload.env, read
 * and validated by harness/config/readEnv.ts); the plugins turn the validated values into this typed object.
 */
import { defineSettings } from '../../harness/config/defineSettings.ts';
import { ACK_MODES, type AckMode } from '../platform/writeBuffer/WriteBuffer.ts';

export interface RidersSettings {
  dutyTtlS: number;
  walletTtlS: number;
  activeTtlS: number;
  locationTtlS: number;
  flushIntervalMs: number;
  flushMaxItems: number;
  bufferMaxItems: number;
  /** What POST /riders/:id/location's 202 promises (optimized variant). */
  ackMode: AckMode;
  leaderboardRefreshS: number;
  performanceRefreshS: number;
  archiveIntervalS: number;
  /** Months of location_logs partitions kept online by archival (seed 002: 6). */
  archiveKeepMonths: number;
  /** Orders one refill of an empty orders:queue:<city> pushes. */
  queueRefill: number;
}

/** Field -> variable, with meaning, default and bounds. */
const settings = defineSettings<RidersSettings>({
  dutyTtlS: ['SCALEPROOF_RIDERS_DUTY_TTL_S', { kind: 'int', default: 300, min: 1, description: 'TTL of rider:duty:<id> (seed 002: 5 minutes)' }],
  walletTtlS: ['SCALEPROOF_RIDERS_WALLET_TTL_S', { kind: 'int', default: 60, min: 1, description: 'TTL of rider:wallet:balance:<id> (seed 002: 1 minute; a ledger insert also deletes it)' }],
  activeTtlS: ['SCALEPROOF_RIDERS_ACTIVE_TTL_S', { kind: 'int', default: 30, min: 1, description: 'TTL of the riders:active:city:<city> set (seed 002: 30 seconds; a duty change also deletes it)' }],
  locationTtlS: ['SCALEPROOF_RIDERS_LOCATION_TTL_S', { kind: 'int', default: 60, min: 1, description: 'TTL of rider:location:<id> (seed 002: 1 minute)' }],
  flushIntervalMs: ['SCALEPROOF_RIDERS_FLUSH_INTERVAL_MS', { kind: 'int', default: 5000, min: 1, description: 'location buffer flush interval (seed 002: "every 5 seconds")' }],
  flushMaxItems: ['SCALEPROOF_RIDERS_FLUSH_MAX_ITEMS', { kind: 'int', default: 100, min: 1, description: 'location buffer flushes when it holds this many points (seed 002: "or 100 items")' }],
  bufferMaxItems: ['SCALEPROOF_RIDERS_BUFFER_MAX_ITEMS', { kind: 'int', default: 100_000, min: 1, description: 'location buffer bound; beyond it POST answers 503' }],
  ackMode: ['SCALEPROOF_ACK_MODE', {
    kind: 'choice', default: 'buffered', choices: ACK_MODES,
    description: 'what a buffered write\'s 202 promises (analytics events, riders locations): buffered (the plan: in memory, drained on SIGTERM, a crash loses up to one flush interval) or committed (group commit: answered after the batch holding it has committed to Postgres)',
  }],
  leaderboardRefreshS: ['SCALEPROOF_RIDERS_LEADERBOARD_REFRESH_S', { kind: 'int', default: 3600, min: 0, max: 2_147_483, description: 'REFRESH CONCURRENTLY of rider_leaderboard period (seed 002: every 1 hour); 0 disables' }],
  performanceRefreshS: ['SCALEPROOF_RIDERS_PERFORMANCE_REFRESH_S', { kind: 'int', default: 21_600, min: 0, max: 2_147_483, description: 'REFRESH CONCURRENTLY of rider_performance_summary period (seed 002: every 6 hours); 0 disables' }],
  // Daily rather than the plan's monthly cron: the function is idempotent (it drops only months that aged out),
  // and a timer cannot wait a month (Node's setTimeout tops out at 2^31-1 ms, 24.8 days, and fires at once beyond).
  archiveIntervalS: ['SCALEPROOF_RIDERS_ARCHIVE_INTERVAL_S', { kind: 'int', default: 86_400, min: 0, max: 2_147_483, description: 'how often archive_old_location_logs() runs (seed 002: "run monthly via cron"; daily here, it drops only months that aged out; first run one interval after start); 0 disables' }],
  archiveKeepMonths: ['SCALEPROOF_RIDERS_ARCHIVE_KEEP_MONTHS', { kind: 'int', default: 6, min: 1, description: 'location_logs partitions older than this many months are dropped by archival (seed 002: 6)' }],
  queueRefill: ['SCALEPROOF_RIDERS_QUEUE_REFILL', { kind: 'int', default: 100, min: 1, max: 10_000, description: 'pending orders pushed onto an empty orders:queue:<city> at once' }],
});

/** The variables the riders workload declares. */
export const ridersEnv = settings.env;
export const defaultRidersSettings = settings.defaults;
export const ridersSettings = settings.read;
export const ridersEnvValues = settings.values;
