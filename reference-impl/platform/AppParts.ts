/* What buildApp wires together; routes take the parts they need, tests read counters from it. */
import type { ApiConfig } from './apiConfig.ts';
import type { CacheLayer } from './cache/CacheLayer.ts';
import type { CacheStore } from './cache/CacheStore.ts';
import type { Database } from './db/Database.ts';
import type { ApiLogger } from './log/ApiLogger.ts';
import type { PeriodicTask } from './maintenance/PeriodicTask.ts';
import type { ApiMetrics } from './metrics/createMetrics.ts';
import type { WriteBuffer } from './writeBuffer/WriteBuffer.ts';

export interface AppParts {
  config: Readonly<ApiConfig>;
  db: Database;
  /** Analytics reads: the replica when configured, else the primary. */
  readDb: Database;
  replicaDb?: Database | undefined;
  store: CacheStore;
  cache: CacheLayer;
  buffer: WriteBuffer;
  metrics: ApiMetrics;
  log: ApiLogger;
  tasks: { partitions: PeriodicTask; rollup?: PeriodicTask | undefined };
}
