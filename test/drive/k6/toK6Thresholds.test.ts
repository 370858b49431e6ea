import { describe, expect, it } from 'vitest';
import { toK6Thresholds } from '../../../harness/drive/k6/toK6Thresholds.ts';
import { validateThresholds } from '../../../harness/judge/validateThresholds.ts';
import { analyticsThresholds } from '../../../thresholds/analytics.ts';

describe('toK6Thresholds', () => {
  const mix = { pin_public: 70, pin_analytics: 20, pin_events: 10 };

  it('filters every threshold to the measured scenario, drops server-side and out-of-mix ones, and turns counter rates into counts', () => {
    const { thresholds } = toK6Thresholds(analyticsThresholds, { mix, durationS: 30 });
    expect(thresholds).toEqual({
      'http_req_duration{endpoint:pin_public,scenario:measured}': ['p(95)<800'],
      'http_req_duration{endpoint:pin_analytics,scenario:measured}': ['p(95)<800'],
      'http_req_duration{endpoint:pin_events,scenario:measured}': ['p(95)<800'],
      'http_req_failed{scenario:measured}': ['rate<0.01'],
      // k6 divides a counter by the whole test time (warm-up included); 200/s over 30 measured seconds is 6000.
      'http_reqs{scenario:measured}': ['count>=6000'],
    });
  });

  it('keeps the object form and abortOnFail, and maps each k6 key back to ours', () => {
    const { thresholds, mapping } = toK6Thresholds(
      { 'http_req_duration{endpoint:pin_public}': ['p(99)<1500', { threshold: 'p(95)<800', abortOnFail: true, delayAbortEval: '10s' }], 'http_reqs{status:500}': ['rate<0.5'] },
      { mix, durationS: 12 },
    );
    expect(thresholds['http_req_duration{endpoint:pin_public,scenario:measured}']).toEqual(['p(99)<1500', { threshold: 'p(95)<800', abortOnFail: true, delayAbortEval: '10s' }]);
    expect(mapping).toEqual([
      { metric: 'http_req_duration{endpoint:pin_public}', expression: 'p(99)<1500', k6Metric: 'http_req_duration{endpoint:pin_public,scenario:measured}', k6Expression: 'p(99)<1500' },
      { metric: 'http_req_duration{endpoint:pin_public}', expression: 'p(95)<800', k6Metric: 'http_req_duration{endpoint:pin_public,scenario:measured}', k6Expression: 'p(95)<800' },
      { metric: 'http_reqs{status:500}', expression: 'rate<0.5', k6Metric: 'http_reqs{status:500,scenario:measured}', k6Expression: 'count<6' },
    ]);
  });

  it('produces keys k6 accepts syntactically (our parser reads them back, scenario tag aside)', () => {
    const { thresholds } = toK6Thresholds(analyticsThresholds, { mix, durationS: 30 });
    const stripped = Object.fromEntries(Object.entries(thresholds).map(([k, v]) => [k.replace(/,?scenario:measured/, '').replace('{}', ''), v]));
    expect(() => validateThresholds(stripped)).not.toThrow();
  });
});
