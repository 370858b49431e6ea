/*
 * Warm-up is its own phase: every request says its phase in a header, the target counts per phase, and the
 * measured numbers hold exactly the measured-phase requests (warm-up numbers come back separately).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHASE_HEADER } from '../../../harness/drive/autocannon/runAutocannonPhase.ts';
import { runAutocannon } from '../../../harness/drive/autocannon/runAutocannon.ts';
import { decodeHistogram } from '../../../harness/drive/latencyHistogram.ts';
import { startSleepTarget, type SleepTarget } from '../../helpers/sleepTarget.ts';
import { countBy, countingSampler, routeScenario } from './routeScenario.ts';

describe('autocannon driver warm-up', () => {
  let target: SleepTarget;
  beforeAll(async () => {
    target = await startSleepTarget();
  });
  afterAll(async () => target?.stop());

  it('keeps warm-up requests out of the measured totals, histograms and endpoints, and reports them apart', async () => {
    expect(PHASE_HEADER).toBe('x-scaleproof-phase');
    const scenario = routeScenario(
      [
        { name: 'pin_public', weight: 2, route: 'ok' },
        { name: 'pin_analytics', weight: 1, route: 'fail' },
      ],
      { kind: 'closed', connections: 2, pipelining: 1 },
    );
    const r = await runAutocannon({ scenario, baseUrl: target.url, sampler: countingSampler(), amounts: { warmup: 150, measured: 400 } });
    const byPhase = countBy(await target.records(), (x) => String(x.phase));
    const measuredFails = countBy(await target.records(), (x) => x.route, (x) => x.phase === 'measured').fail;

    expect(byPhase).toEqual({ warmup: 150, measured: 400 });
    expect(r.warmup.requests).toBe(150);
    expect(r.warmupPhase?.totals.requests).toBe(150);
    expect(r.measured.totals.requests).toBe(400);
    expect(decodeHistogram(r.measured.totals.histogram).totalCount).toBe(400);
    expect(r.measured.endpoints.pin_public!.requests + r.measured.endpoints.pin_analytics!.requests).toBe(400);
    expect(r.measured.totals.errors).toBe(measuredFails);
    expect(r.autocannonTotals.completed).toBe(400);
    expect(r.validity.warmupExcluded).toBe(true);
    expect(r.warmup.latencyMs.p95).toBeGreaterThan(0);
  });

  it('says so in the notes when no warm-up phase ran', async () => {
    const scenario = routeScenario([{ name: 'pin_public', weight: 1, route: 'ok' }], { kind: 'closed', connections: 1, pipelining: 1 });
    const r = await runAutocannon({ scenario, baseUrl: target.url, sampler: countingSampler(), amounts: { warmup: 0, measured: 20 } });
    expect(r.warmupPhase).toBeNull();
    expect(r.warmup.requests).toBe(0);
    expect(r.measured.totals.requests).toBe(20);
    expect(r.validity.notes.join(' ')).toMatch(/no warm-up phase ran/);
  });
});
