/*
 * Generator saturation: a driver whose event loop is blocked (here by a deliberate busy loop during the run)
 * must flag the run as saturated and say why; a light run on an idle loop must not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAutocannonPhase } from '../../../harness/drive/autocannon/runAutocannonPhase.ts';
import { startSleepTarget, type SleepTarget } from '../../helpers/sleepTarget.ts';
import { countingSampler, routeScenario } from './routeScenario.ts';

const scenario = routeScenario([{ name: 'pin_public', weight: 1, route: 'ok' }], { kind: 'closed', connections: 2, pipelining: 1 });

describe('autocannon driver saturation detection', () => {
  let target: SleepTarget;
  beforeAll(async () => {
    // ~10 ms per request keeps the light run light (~200 req/s on 2 connections).
    target = await startSleepTarget({ delay: { seed: 5, bands: [{ weight: 1, minMs: 8, maxMs: 12 }] } });
  });
  afterAll(async () => target?.stop());

  it('flags the run as saturated, with a note naming the event loop, when the driver’s event loop is blocked', async () => {
    // Blocks the loop for 300 ms out of every 350 ms: a far larger stall than the 50 ms rule.
    const blocker = setInterval(() => {
      const until = Date.now() + 300;
      while (Date.now() < until);
    }, 50);
    try {
      const r = await runAutocannonPhase({ scenario, baseUrl: target.url, sampler: countingSampler(), phase: 'measured', durationS: 4 });
      expect(r.saturation.generatorSaturated).toBe(true);
      expect(r.saturation.laggyWindows).toBeGreaterThanOrEqual(2);
      expect(r.saturation.notes.join(' ')).toMatch(/load generator saturated: event-loop p99 delay > 50 ms/);
    } finally {
      clearInterval(blocker);
    }
  });

  // The driver's loop is idle here, but the machine may not be: with the rest of the suite on the same 2 cores,
  // a second in which the OS did not schedule this process is judged as event-loop lag (correctly: its sends
  // were late); it failed so once in a full-suite run. A retry needs every attempt disturbed in 2 of its 4 windows;
  // a detector that flags idle loops fails all of them.
  it('does not flag a light run on an idle event loop', { retry: 3 }, async () => {
    const r = await runAutocannonPhase({ scenario, baseUrl: target.url, sampler: countingSampler(), phase: 'measured', durationS: 4 });
    expect(r.totals.requests).toBeGreaterThan(0);
    expect(r.saturation.generatorSaturated).toBe(false);
    expect(r.saturation.notes).toEqual([]);
  });
});
