/*
 * Starts what a run needs (Postgres, then Redis) and returns one handle that stops all of it, in reverse
 * order. If Redis fails to start, the Postgres we started is stopped before the error propagates.
 */
import type { Log } from './ServiceHandle.ts';
import { startPostgres, type PostgresHandle } from './startPostgres.ts';
import { startRedis, type RedisHandle } from './startRedis.ts';
import { startReplica, type ReplicaHandle } from './startReplica.ts';

export interface Services {
  postgres: PostgresHandle;
  redis: RedisHandle;
  /**
   * The read replica, started on first use and shared by every variant after (a streaming standby replays what
   * is seeded later): DATABASE_REPLICA_URL as given, else the harness's own standby of embedded Postgres, else none.
   */
  replica(databaseReplicaUrl?: string | undefined): Promise<ReplicaHandle>;
  stopAll(): Promise<void>;
}

export interface StartServicesOptions {
  databaseUrl?: string | undefined;
  redisUrl?: string | undefined;
  dataDir: string;
  pathVar: string | undefined;
  log: Log;
}

export async function startServices(opts: StartServicesOptions): Promise<Services> {
  const postgres = await startPostgres({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, log: opts.log });
  let redis: RedisHandle;
  try {
    redis = await startRedis({ redisUrl: opts.redisUrl, log: opts.log, pathVar: opts.pathVar });
  } catch (err) {
    await postgres.stop();
    throw err;
  }
  let replica: Promise<ReplicaHandle> | undefined;
  return {
    postgres,
    redis,
    replica: (databaseReplicaUrl) =>
      (replica ??= startReplica({ databaseReplicaUrl, primaryUrl: postgres.url, primaryDataDir: postgres.dataDir, log: opts.log })),
    stopAll: async () => {
      if (replica) await (await replica.catch(() => undefined))?.stop();
      await redis.stop();
      await postgres.stop();
    },
  };
}
