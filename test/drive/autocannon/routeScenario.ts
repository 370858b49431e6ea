/*
 * Scenarios for the driver tests: each endpoint name maps to a route of test/helpers/sleepTargetServer.ts
 * (the first path segment decides how the target answers), with the key in the path.
 */
import type { EndpointName, LoadModel } from '../../../harness/model/RunSummary.ts';
import type { EndpointSpec, Scenario } from '../../../scenarios/Scenario.ts';

export interface RouteSpec {
  name: EndpointName;
  weight: number;
  /** First path segment: ok, fail, drop, cache, or any other name (answered 200). */
  route: string;
  method?: 'GET' | 'POST';
  expectedStatuses?: number[];
  /** Maps the sampled key to the key in the path (e.g. k % 20 so a cache sees repeats). */
  key?: (k: number) => number;
}

export function routeScenario(routes: RouteSpec[], load: LoadModel, seed = 7): Scenario {
  const endpoints: EndpointSpec[] = routes.map((r) => ({
    name: r.name,
    weight: r.weight,
    route: `${r.method ?? 'GET'} /${r.route}/:key`,
    expectedStatuses: r.expectedStatuses ?? [200],
    request: (k: number) =>
      r.method === 'POST'
        ? { method: 'POST', path: `/${r.route}/${(r.key ?? ((x) => x))(k)}`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: k, note: 'ünïcode' }) }
        : { method: 'GET', path: `/${r.route}/${(r.key ?? ((x) => x))(k)}` },
  }));
  return { name: 'driver-test', endpoints, keys: { users: 1000, seed, distribution: { kind: 'uniform' } }, load, warmupS: 0, durationS: 1 };
}

/** A key sampler that counts 1, 2, 3, ... (the driver only needs next()). */
export function countingSampler(): { next(): number } {
  let k = 0;
  return { next: () => ++k };
}

/** Counts of target records per key of `by`, for the records that pass `where`. */
export function countBy<T>(rows: readonly T[], by: (r: T) => string, where: (r: T) => boolean = () => true): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) if (where(r)) out[by(r)] = (out[by(r)] ?? 0) + 1;
  return out;
}
