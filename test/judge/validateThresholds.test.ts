import { describe, expect, it } from 'vitest';
import { validateThresholds } from '../../harness/judge/validateThresholds.ts';
import { isScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { analyticsThresholds } from '../../thresholds/analytics.ts';
import { analyticsEndpoints } from '../../scenarios/analytics/endpoints.ts';

/** The analytics workload's endpoints: what bench passes, so {endpoint:NAME} is checked against the table. */
const endpoints = Object.keys(analyticsEndpoints);

function rejection(set: unknown): { code: string; message: string; exitCode: number } {
  try {
    validateThresholds(set, { endpoints });
  } catch (err) {
    if (isScaleproofError(err)) return { code: err.code, message: err.message, exitCode: err.exitCode };
    throw err;
  }
  throw new Error(`accepted ${JSON.stringify(set)}`);
}

describe('validateThresholds', () => {
  it('accepts the default analytics set and returns one parsed expression per line', () => {
    const parsed = validateThresholds(analyticsThresholds);
    const lines = Object.values(analyticsThresholds).reduce((n, specs) => n + specs.length, 0);
    expect(parsed).toHaveLength(lines);
    const p95 = parsed.find((p) => p.key === 'http_req_duration{endpoint:pin_public}');
    expect(p95).toMatchObject({ metric: 'http_req_duration', tags: { endpoint: 'pin_public' }, aggregation: 'p', percentile: 95, operator: '<', bound: 800 });
  });

  it('accepts every k6 aggregation and operator form the brief lists, including the object form', () => {
    const parsed = validateThresholds({
      'http_req_duration{endpoint:pin_analytics}': ['p(99.9)<=1500', 'avg<200', 'med<100', 'min>0', 'max<2000', { threshold: 'p(95) < 800', abortOnFail: true }],
      http_req_failed: ['rate<0.01'],
      http_reqs: ['rate>=500', 'count>100', 'count!=0'],
      'http_reqs{endpoint:pin_events,status:500}': ['count==0', 'count===0'],
      cache_hit_ratio: ['value>0.8'],
      'cache_hit{endpoint:pin_public}': ['rate>0.5'],
      checks: ['rate>0.99'],
      dropped_iterations: ['count<1'],
    });
    expect(parsed.map((p) => `${p.aggregation}${p.percentile ?? ''}${p.operator}${p.bound}`)).toEqual([
      'p99.9<=1500', 'avg<200', 'med<100', 'min>0', 'max<2000', 'p95<800',
      'rate<0.01', 'rate>=500', 'count>100', 'count!=0', 'count==0', 'count===0', 'value>0.8', 'rate>0.5', 'rate>0.99', 'count<1',
    ]);
    expect(parsed[5]?.abortOnFail).toBe(true);
    expect(parsed[0]?.abortOnFail).toBe(false);
  });

  const cases: Array<{ why: string; set: unknown; offending: string }> = [
    { why: 'an unknown metric', set: { http_req_latency: ['p(95)<800'] }, offending: 'http_req_latency' },
    { why: 'a misspelled metric with a tag filter', set: { 'http_req_durations{endpoint:pin_public}': ['p(95)<800'] }, offending: 'http_req_durations' },
    { why: 'an unknown tag', set: { 'http_req_duration{route:pin_public}': ['p(95)<800'] }, offending: 'route' },
    { why: 'an unknown endpoint value', set: { 'http_req_duration{endpoint:pin_private}': ['p(95)<800'] }, offending: 'pin_private' },
    { why: 'a tag the metric cannot be filtered by', set: { 'http_req_duration{status:200}': ['p(95)<800'] }, offending: 'status' },
    { why: 'a bad status value', set: { 'http_reqs{status:2xx}': ['count>0'] }, offending: '2xx' },
    { why: 'a reserved phase tag', set: { 'http_req_duration{phase:warmup}': ['p(95)<800'] }, offending: 'phase' },
    { why: 'a tag filter without a colon', set: { 'http_req_duration{endpoint}': ['p(95)<800'] }, offending: 'endpoint' },
    { why: 'an unclosed tag filter', set: { 'http_req_duration{endpoint:pin_public': ['p(95)<800'] }, offending: 'http_req_duration{endpoint:pin_public' },
    { why: 'an expression without an operator', set: { http_req_failed: ['rate 0.01'] }, offending: 'rate 0.01' },
    { why: 'an expression with an unknown aggregation', set: { http_req_duration: ['p95<800'] }, offending: 'p95<800' },
    { why: 'an expression with a unit on the number', set: { http_req_duration: ['p(95)<800ms'] }, offending: 'p(95)<800ms' },
    { why: 'a percentile above 100', set: { http_req_duration: ['p(101)<800'] }, offending: 'p(101)<800' },
    { why: 'an aggregation the metric type does not have (rate on a trend)', set: { http_req_duration: ['rate<0.01'] }, offending: 'rate<0.01' },
    { why: 'an aggregation the metric type does not have (p(N) on a rate)', set: { http_req_failed: ['p(95)<0.01'] }, offending: 'p(95)<0.01' },
    { why: 'value on a counter', set: { http_reqs: ['value>1'] }, offending: 'value>1' },
    { why: 'a key mapped to a bare string instead of an array', set: { http_req_failed: 'rate<0.01' }, offending: 'http_req_failed' },
    { why: 'an empty list of expressions', set: { http_req_failed: [] }, offending: 'http_req_failed' },
    { why: 'an object entry without threshold', set: { http_req_failed: [{ abortOnFail: true }] }, offending: 'http_req_failed' },
  ];

  it.each(cases)('rejects $why with SP_THRESHOLD_INVALID naming the offending text', ({ set, offending }) => {
    const r = rejection(set);
    expect(r.code).toBe('SP_THRESHOLD_INVALID');
    expect(r.exitCode).toBe(2);
    expect(r.message).toContain(offending);
  });

  it('says the fix in the message: the known metrics, tags or values to use instead', () => {
    expect(rejection({ http_req_latency: ['p(95)<800'] }).message).toContain('http_req_duration');
    expect(rejection({ 'http_req_duration{endpoint:pin_private}': ['p(95)<800'] }).message).toContain('pin_public, pin_analytics, pin_events, user');
    expect(rejection({ http_req_duration: ['rate<0.01'] }).message).toMatch(/avg or min or med or max or p\(N\)/);
  });

  it('checks {endpoint:NAME} against the workload it is given, and only its shape without one', () => {
    expect(rejection({ 'http_req_duration{endpoint:dashboard}': ['p(95)<500'] }).message).toContain('not an endpoint of this workload');
    expect(validateThresholds({ 'http_req_duration{endpoint:dashboard}': ['p(95)<500'] }, { endpoints: ['dashboard'] })).toHaveLength(1);
    expect(validateThresholds({ 'http_req_duration{endpoint:dashboard}': ['p(95)<500'] })).toHaveLength(1);
    expect(() => validateThresholds({ 'http_req_duration{endpoint:Dash-Board}': ['p(95)<500'] })).toThrow(/not a known value of tag endpoint/);
  });

  it('rejects a set that is not an object', () => {
    expect(rejection(['p(95)<800']).code).toBe('SP_THRESHOLD_INVALID');
    expect(rejection(null).code).toBe('SP_THRESHOLD_INVALID');
  });
});
