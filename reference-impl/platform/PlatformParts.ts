/*
 * What the platform hands a workload's API plugin: pools, the cache layer, metrics, the logger, and the means
 * to register write buffers and periodic tasks that the platform starts on ready and drains/stops on close.
 */
import type { EnvValue } from '../../harness/config/EnvVarSpec.ts';
import type { ApiConfig } from './apiConfig.ts';
import type { CacheLayer } from './cache/CacheLayer.ts';
import type { CacheStore } from './cache/CacheStore.ts';
import type { Database } from './db/Database.ts';
import type { ApiLogger } from './log/ApiLogger.ts';
import type { PeriodicTask } from './maintenance/PeriodicTask.ts';
import type { ApiMetrics } from './metrics/createMetrics.ts';
import type { WriteBuffer } from './writeBuffer/WriteBuffer.ts';

export interface PlatformParts {
  config: Readonly<ApiConfig>;
  /** The workload's own settings, read from the variables it declares (Workload.env), by variable name. */
  settings: Readonly<Record<string, EnvValue>>;
  /** Which variant of the workload this process serves. */
  variant: string;
  db: Database;
  /** Analytics reads: the replica when configured, else the primary. */
  readDb: Database;
  replicaDb?: Database | undefined;
  store: CacheStore;
  cache: CacheLayer;
  metrics: ApiMetrics;
  log: ApiLogger;
  /** Write buffers by name: started on ready, flushed completely on close, depth in /health and /metrics. */
  buffers: Map<string, WriteBuffer>;
  /** Periodic tasks by name: `runFirst` ones run once before listening, all start on ready and stop on close. */
  tasks: Map<string, { task: PeriodicTask; runFirst: boolean }>;
}
