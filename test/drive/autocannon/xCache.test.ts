/*
 * X-Cache HIT/MISS counting: the target decides per request (MISS the first time it sees a path, HIT after)
 * and keeps its own tally; the driver's per-endpoint counts must match it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAutocannonPhase } from '../../../harness/drive/autocannon/runAutocannonPhase.ts';
import { startSleepTarget, type SleepTarget } from '../../helpers/sleepTarget.ts';
import { countBy, countingSampler, routeScenario } from './routeScenario.ts';

describe('autocannon driver X-Cache', () => {
  let target: SleepTarget;
  beforeAll(async () => {
    target = await startSleepTarget();
  });
  afterAll(async () => target?.stop());

  it('counts X-Cache hits and misses per endpoint exactly as the target decided them', async () => {
    const scenario = routeScenario(
      [
        // 40 distinct paths, so the target answers 40 MISSes and HITs for the rest.
        { name: 'pin_public', weight: 3, route: 'cache', key: (k) => k % 40 },
        { name: 'user', weight: 1, route: 'ok' },
      ],
      { kind: 'closed', connections: 3, pipelining: 1 },
    );
    const r = await runAutocannonPhase({ scenario, baseUrl: target.url, sampler: countingSampler(), phase: 'measured', durationS: 1, amount: 600 });
    const decided = countBy(await target.records(), (x) => String(x.xCache), (x) => x.route === 'cache');

    expect(decided.MISS).toBe(40);
    expect(decided.HIT).toBeGreaterThan(0);
    expect(r.endpoints.pin_public?.xCache).toEqual({ hits: decided.HIT, misses: decided.MISS });
    // An endpoint whose responses carry no X-Cache header reports none.
    expect(r.endpoints.user?.xCache).toBeUndefined();
  });
});
