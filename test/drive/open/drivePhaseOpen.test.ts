/*
 * `pnpm bench --rate` goes through drivePhase: an open load model runs the open-model driver (not autocannon's
 * overallRate), and the phase's validity carries the open-model block and a headline note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivePhase } from '../../../harness/run/drivePhase.ts';
import { startStallTarget, type StallTarget } from '../../helpers/stallTarget.ts';
import { countingSampler, routeScenario } from '../autocannon/routeScenario.ts';

describe('drivePhase with an open load model', () => {
  let target: StallTarget;
  beforeAll(async () => {
    // Never stalls within the test: a 1 ms stall at the end of a 1 h period.
    target = await startStallTarget({ periodMs: 3_600_000, stallMs: 1 });
  });
  afterAll(async () => target?.stop());

  it('runs the open-model driver: exactly rate x duration arrivals, all answered, with per-window validity', async () => {
    const scenario = routeScenario([{ name: 'pin_public', weight: 1, route: 'ok' }], { kind: 'open', ratePerSecond: 100, connections: 8, arrivals: 'poisson' });
    const lines: string[] = [];
    const r = await drivePhase({
      scenario, endpointsModule: '', baseUrl: target.url, sampler: countingSampler(), phase: 'measured', durationS: 2, driver: 'autocannon',
      progress: (l) => lines.push(l), log: () => undefined,
    });
    const om = r.validity.openModel!;
    expect(om).toBeDefined();
    expect(om.arrivals).toBe('poisson');
    expect(om.maxConnections).toBe(8);
    expect(om.offered).toBe(om.completed + om.dropped + om.cutOff);
    expect(r.measure.totals.requests).toBe(om.completed);
    expect(target.answered()).toBeGreaterThanOrEqual(om.completed);
    expect(om.windows).toHaveLength(2);
    expect(om.windows.reduce((a, w) => a + w.offered, 0)).toBe(om.offered);
    expect(om.peakConnections).toBeLessThanOrEqual(8);
    expect(r.validity.notes[0]).toMatch(/open model \(poisson arrivals at 100\/s, up to 8 connections\): achieved\/offered/);
    expect(r.validity.droppedIterations).toBe(om.dropped);
  });
});
