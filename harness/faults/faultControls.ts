/*
 * The levers a fault pulls, over what the harness itself started: the API process (restarted on its own port,
 * so the load generator's URL stays valid), the harness's redis-server, and Postgres (the embedded one restarted;
 * an external one only has the API's connections terminated). Checked before any load: a fault on something the
 * harness did not start is a usage error.
 */
import type { EndpointSpec } from '../../scenarios/Scenario.ts';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { apiMetrics } from '../probe/apiMetrics.ts';
import { redisInfo } from '../probe/redisInfo.ts';
import type { PostgresHandle } from '../services/startPostgres.ts';
import type { RedisHandle } from '../services/startRedis.ts';
import type { FaultSpec } from './FaultSpec.ts';
import type { FaultControls } from './runFaults.ts';
import { terminateApiBackends } from './terminateApiBackends.ts';

export interface FaultControlsInput {
  faults: readonly FaultSpec[];
  /** The API process's levers: kill (SIGKILL), term (SIGTERM, drained) and start again on the same port. */
  api: NonNullable<FaultControls['api']>;
  redis: RedisHandle;
  postgres: PostgresHandle;
  /** The API's base URL (stays the same across restarts). */
  baseUrl: string;
  /** Requests of the workload the probe may send: the first GET is used. */
  endpoints: readonly EndpointSpec[];
}

export function faultControls(i: FaultControlsInput): FaultControls {
  const kinds = new Set(i.faults.map((f) => f.kind));
  if (kinds.has('redis-down') && !i.redis.outage) {
    throw new ScaleproofError(
      'SP_USAGE',
      `--fault redis-down needs scaleproof's own redis-server (this run's Redis is ${i.redis.kind}); unset REDIS_URL and put redis-server on PATH. ` +
        'A shared Redis is never stopped, and CLIENT PAUSE would stall every other client of it.',
    );
  }
  const probeSpec = i.endpoints.find((e) => e.request(1).method === 'GET') ?? i.endpoints[0]!;
  const probe = async () => {
    const r = probeSpec.request(1);
    const res = await fetch(`${i.baseUrl}${r.path}`, { method: r.method, headers: r.headers, body: r.body, signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return probeSpec.expectedStatuses.includes(res.status);
  };
  const redisUrl = i.redis.url;
  return {
    api: i.api,
    redis: i.redis.outage,
    postgres: i.postgres.outage ?? terminateApiBackends(i.postgres.url),
    probe,
    apiCounters: () => apiMetrics(i.baseUrl).catch(() => undefined),
    redisCounters: () => (redisUrl ? redisInfo(redisUrl).catch(() => undefined) : Promise.resolve(undefined)),
  };
}
