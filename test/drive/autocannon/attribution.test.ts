/*
 * Every response is counted under the endpoint that sent it: the target counts requests per path itself, and
 * the driver's per-endpoint counts must match exactly (a fixed request count, so nothing is cut off mid-flight).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAutocannonPhase } from '../../../harness/drive/autocannon/runAutocannonPhase.ts';
import { startSleepTarget, type SleepTarget } from '../../helpers/sleepTarget.ts';
import { countBy, countingSampler, routeScenario } from './routeScenario.ts';

describe('autocannon driver attribution', () => {
  let target: SleepTarget;
  beforeAll(async () => {
    target = await startSleepTarget({ delay: { seed: 3, bands: [{ weight: 1, minMs: 0, maxMs: 2 }] } });
  });
  afterAll(async () => target?.stop());

  it('counts per endpoint equal the target’s own counts per path, and the mix weights are respected', async () => {
    const scenario = routeScenario(
      [
        { name: 'pin_public', weight: 6, route: 'alpha' },
        { name: 'pin_analytics', weight: 3, route: 'beta' },
        { name: 'pin_events', weight: 1, route: 'gamma', method: 'POST' },
        { name: 'user', weight: 0, route: 'delta' },
      ],
      { kind: 'closed', connections: 4, pipelining: 1 },
    );
    const r = await runAutocannonPhase({ scenario, baseUrl: target.url, sampler: countingSampler(), phase: 'measured', durationS: 1, amount: 1000 });
    const server = countBy(await target.records(), (x) => x.route);

    expect(server.alpha! + server.beta! + server.gamma!).toBe(1000);
    expect(r.endpoints.pin_public?.requests).toBe(server.alpha);
    expect(r.endpoints.pin_analytics?.requests).toBe(server.beta);
    expect(r.endpoints.pin_events?.requests).toBe(server.gamma);
    expect(r.totals.requests).toBe(1000);
    expect(r.totals.errors).toBe(0);
    // A 0-weight endpoint is never drawn; heavier endpoints get more requests.
    expect(server.delta).toBeUndefined();
    expect(r.endpoints.user).toBeUndefined();
    expect(server.alpha!).toBeGreaterThan(server.beta!);
    expect(server.beta!).toBeGreaterThan(server.gamma!);
    expect(r.notes).toEqual([]);
  });

  it('keeps pipelined responses on their own endpoint: every answer of the 500 route is counted as 500 and only there', async () => {
    const scenario = routeScenario(
      [
        { name: 'pin_public', weight: 1, route: 'ok' },
        { name: 'pin_analytics', weight: 1, route: 'fail' },
      ],
      { kind: 'closed', connections: 2, pipelining: 4 },
    );
    const before = countBy(await target.records(), (x) => x.route);
    const r = await runAutocannonPhase({ scenario, baseUrl: target.url, sampler: countingSampler(), phase: 'measured', durationS: 1, amount: 800 });
    const after = countBy(await target.records(), (x) => x.route);

    const ok = r.endpoints.pin_public!;
    const fail = r.endpoints.pin_analytics!;
    // Misaligned attribution would mix 200s and 500s across the two endpoints.
    expect(Object.keys(ok.statusCounts)).toEqual(['200']);
    expect(Object.keys(fail.statusCounts)).toEqual(['500']);
    expect(ok.errors).toBe(0);
    expect(fail.errors).toBe(fail.requests);
    // The server may have answered a few pipelined requests the driver stopped waiting for at the end.
    const servedOk = (after.ok ?? 0) - (before.ok ?? 0);
    const servedFail = (after.fail ?? 0) - (before.fail ?? 0);
    expect(ok.requests).toBeLessThanOrEqual(servedOk);
    expect(fail.requests).toBeLessThanOrEqual(servedFail);
    expect(servedOk + servedFail - ok.requests - fail.requests).toBeLessThanOrEqual(r.cutOff);
    expect(r.autocannonTotals.statusCounts).toEqual({ '200': ok.requests, '500': fail.requests });
  });

  it('sends each drawn key on the wire, for hot keys whose request bytes are reused and for cold keys built fresh', async () => {
    const scenario = routeScenario(
      [
        { name: 'pin_public', weight: 1, route: 'hot' },
        { name: 'pin_events', weight: 1, route: 'hotpost', method: 'POST' },
      ],
      { kind: 'closed', connections: 3, pipelining: 1 },
    );
    // Keys repeat (so cached bytes are reused) and straddle the 65,536-key hot range.
    const cycle = [1, 7, 7, 65_536, 65_537, 1, 900_001, 7];
    const drawn: number[] = [];
    let i = 0;
    const sampler = { next: () => { const k = cycle[i++ % cycle.length]!; drawn.push(k); return k; } };
    const r = await runAutocannonPhase({ scenario, baseUrl: target.url, sampler, phase: 'measured', durationS: 1, amount: 400 });
    const seen = (await target.records()).filter((x) => x.route === 'hot' || x.route === 'hotpost');

    expect(r.totals.requests).toBe(400);
    expect(r.totals.errors).toBe(0);
    const keysOnWire = seen.map((x) => Number(x.path.split('/')[2])).sort((a, b) => a - b);
    expect(keysOnWire).toEqual([...drawn].sort((a, b) => a - b));
    expect(r.endpoints.pin_public!.requests).toBe(seen.filter((x) => x.route === 'hot').length);
  });
});
