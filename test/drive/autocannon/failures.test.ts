/*
 * Failures land on the endpoint that failed: unexpected statuses and transport errors (a socket the server
 * closes without answering) count as errors for that endpoint only, with the right status counts, and
 * autocannon's own totals agree on every answered response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAutocannonPhase } from '../../../harness/drive/autocannon/runAutocannonPhase.ts';
import { startSleepTarget, type SleepTarget } from '../../helpers/sleepTarget.ts';
import { countBy, countingSampler, routeScenario } from './routeScenario.ts';

describe('autocannon driver failures', () => {
  let target: SleepTarget;
  beforeAll(async () => {
    target = await startSleepTarget();
  });
  afterAll(async () => target?.stop());

  it('counts 500s and dropped sockets as errors of their own endpoints only, with status counts and transport errors under "error"', async () => {
    const scenario = routeScenario(
      [
        { name: 'pin_public', weight: 5, route: 'ok' },
        { name: 'pin_analytics', weight: 2, route: 'fail' },
        { name: 'pin_events', weight: 1, route: 'drop', method: 'POST', expectedStatuses: [202] },
        // This route answers 200 but the endpoint expects 404: an unexpected status is a failure too.
        { name: 'user', weight: 1, route: 'other', expectedStatuses: [404] },
      ],
      { kind: 'closed', connections: 3, pipelining: 1 },
    );
    const r = await runAutocannonPhase({ scenario, baseUrl: target.url, sampler: countingSampler(), phase: 'measured', durationS: 1, amount: 900 });
    const server = countBy(await target.records(), (x) => x.route);

    const ok = r.endpoints.pin_public!;
    expect(ok.requests).toBe(server.ok);
    expect(ok.errors).toBe(0);
    expect(ok.statusCounts).toEqual({ '200': server.ok });

    const fail = r.endpoints.pin_analytics!;
    expect(fail.requests).toBe(server.fail);
    expect(fail.errors).toBe(server.fail);
    expect(fail.statusCounts).toEqual({ '500': server.fail });

    const drop = r.endpoints.pin_events!;
    expect(drop.requests).toBe(server.drop);
    expect(drop.errors).toBe(server.drop);
    expect(drop.statusCounts).toEqual({ error: server.drop });

    const other = r.endpoints.user!;
    expect(other.errors).toBe(server.other);
    expect(other.statusCounts).toEqual({ '200': server.other });

    expect(r.totals.requests).toBe(900);
    expect(r.totals.errors).toBe(server.fail! + server.drop! + server.other!);
    expect(r.totals.statusCounts).toEqual({ '200': server.ok! + server.other!, '500': server.fail, error: server.drop });
    // autocannon saw the same answered responses (it does not count cleanly closed sockets as errors).
    expect(r.autocannonTotals.completed).toBe(900 - server.drop!);
    expect(r.autocannonTotals.statusCounts).toEqual({ '200': server.ok! + server.other!, '500': server.fail });
    expect(r.autocannonTotals.non2xx).toBe(server.fail);
    expect(r.notes).toEqual([]);
  });
});
