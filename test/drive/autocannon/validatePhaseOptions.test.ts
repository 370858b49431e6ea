import { describe, expect, it } from 'vitest';
import { runAutocannonPhase, type PhaseOptions } from '../../../harness/drive/autocannon/runAutocannonPhase.ts';
import { validatePhaseOptions } from '../../../harness/drive/autocannon/validatePhaseOptions.ts';
import { isScaleproofError } from '../../../harness/errors/ScaleproofError.ts';
import { countingSampler, routeScenario } from './routeScenario.ts';

const scenario = routeScenario([{ name: 'pin_public', weight: 1, route: 'ok' }], { kind: 'closed', connections: 4, pipelining: 1 });
const base: PhaseOptions = { scenario, baseUrl: 'http://127.0.0.1:9', sampler: countingSampler(), phase: 'measured', durationS: 1 };

describe('validatePhaseOptions', () => {
  it('splits a base URL into origin, Host and a path prefix without a trailing slash', () => {
    expect(validatePhaseOptions({ ...base, baseUrl: 'https://api.example.com/functions/v1/' }, scenario.load)).toEqual({
      url: 'https://api.example.com',
      host: 'api.example.com',
      pathPrefix: '/functions/v1',
    });
  });

  it.each([
    ['a base URL that is not a URL', { baseUrl: 'not a url' }],
    ['a non-HTTP base URL', { baseUrl: 'ftp://127.0.0.1/' }],
    ['fewer requests than connections', { amount: 2 }],
    ['a zero duration', { durationS: 0 }],
    ['zero connections', { load: { kind: 'closed', connections: 0, pipelining: 1 } }],
    ['an open model without a whole rate', { load: { kind: 'open', connections: 2, ratePerSecond: 0.5 } }],
  ] as Array<[string, Partial<PhaseOptions>]>)('rejects %s with SP_CONFIG before sending anything', async (_what, patch) => {
    const err = await runAutocannonPhase({ ...base, ...patch }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isScaleproofError(err, 'SP_CONFIG')).toBe(true);
  });
});
