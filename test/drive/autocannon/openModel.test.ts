/*
 * The open load model (autocannon's overallRate): arrivals are capped at the rate, and when the connections
 * cannot keep up the missing sends are reported as dropped iterations with a coordinated-omission note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAutocannonPhase } from '../../../harness/drive/autocannon/runAutocannonPhase.ts';
import { startSleepTarget, type SleepTarget } from '../../helpers/sleepTarget.ts';
import { countingSampler, routeScenario } from './routeScenario.ts';

describe('autocannon driver open model', () => {
  let fast: SleepTarget;
  let slow: SleepTarget;
  beforeAll(async () => {
    fast = await startSleepTarget();
    slow = await startSleepTarget({ delay: { seed: 9, bands: [{ weight: 1, minMs: 100, maxMs: 110 }] } });
  });
  afterAll(async () => {
    await fast?.stop();
    await slow?.stop();
  });

  it('sends no more than the arrival rate allows, where a closed model would send thousands', async () => {
    const scenario = routeScenario([{ name: 'pin_public', weight: 1, route: 'ok' }], { kind: 'open', ratePerSecond: 40, connections: 4 });
    const r = await runAutocannonPhase({ scenario, baseUrl: fast.url, sampler: countingSampler(), phase: 'measured', durationS: 3 });
    expect(r.totals.requests).toBeGreaterThan(0);
    // 40/s for 3 s; autocannon releases each second's quota at once and stops on its next one-second tick, so
    // allow two more seconds of quota. Unthrottled, this target answers thousands per second.
    expect(r.totals.requests).toBeLessThanOrEqual(40 * 5);
    expect(r.droppedIterations).not.toBeNull();
  });

  it('reports dropped arrivals and a coordinated-omission note when the connections cannot keep up with the rate', async () => {
    // One connection at ~105 ms per request can send ~10/s of the 50/s asked for.
    const scenario = routeScenario([{ name: 'pin_public', weight: 1, route: 'ok' }], { kind: 'open', ratePerSecond: 50, connections: 1 });
    const r = await runAutocannonPhase({ scenario, baseUrl: slow.url, sampler: countingSampler(), phase: 'measured', durationS: 3 });
    expect(r.droppedIterations).toBeGreaterThan(0);
    expect(r.notes.join(' ')).toMatch(/dropped .*coordinated omission/);
  });
});
