import { describe, expect, it } from 'vitest';
import { analyticsEndpoints, defaultAnalyticsMix } from '../../../scenarios/analytics/endpoints.ts';
import { k6Endpoints, keyAt, mixPicker } from '../../../scenarios/k6/analyticsEndpoints.ts';
import { ENDPOINT_NAMES } from '../../../harness/model/RunSummary.ts';

describe('the k6 copy of the analytics endpoints', () => {
  it('builds exactly the requests scenarios/analytics.ts builds, for every endpoint and many keys', () => {
    expect(Object.keys(k6Endpoints).sort()).toEqual([...ENDPOINT_NAMES].sort());
    for (const name of ENDPOINT_NAMES) {
      const ours = analyticsEndpoints[name];
      const k6 = k6Endpoints[name];
      expect({ route: k6.route, expected: k6.expectedStatuses }).toEqual({ route: ours.route, expected: ours.expectedStatuses });
      for (const key of [1, 2, 3, 4, 5, 8, 42, 999, 1_000_000, 12_345_678]) {
        const a = ours.request(key);
        const b = k6.request(key);
        expect({ method: b.method, path: b.path, headers: b.headers, body: b.body }).toEqual({ method: a.method, path: a.path, headers: a.headers, body: a.body });
      }
    }
  });

  it('picks endpoints in the proportions of the mix, deterministically, skipping zero weights', () => {
    const picker = mixPicker(defaultAnalyticsMix);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 100_000; i++) counts[picker.pick(i).name] = (counts[picker.pick(i).name] ?? 0) + 1;
    expect(counts.user).toBeUndefined();
    expect(counts.pin_public! / 100_000).toBeCloseTo(0.7, 2);
    expect(counts.pin_analytics! / 100_000).toBeCloseTo(0.2, 2);
    expect(counts.pin_events! / 100_000).toBeCloseTo(0.1, 2);
    expect(mixPicker(defaultAnalyticsMix).pick(12345).name).toBe(picker.pick(12345).name);
  });

  it('draws keys from the pre-sampled list so their frequencies (the skew) carry over', () => {
    const keys = [...Array(900).fill(1), ...Array(100).fill(2)] as number[];
    let ones = 0;
    for (let i = 0; i < 50_000; i++) if (keyAt(keys, i, 0x27d4eb2f) === 1) ones++;
    expect(ones / 50_000).toBeCloseTo(0.9, 2);
  });

  it('rejects a mix that names an unknown endpoint or gives nothing a weight', () => {
    expect(() => mixPicker({ pin_private: 1 })).toThrow(/pin_private/);
    expect(() => mixPicker({ pin_public: 0 })).toThrow(/weight > 0/);
  });
});
