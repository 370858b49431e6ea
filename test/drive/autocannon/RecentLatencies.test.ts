import { describe, expect, it } from 'vitest';
import { RecentLatencies } from '../../../harness/drive/autocannon/RecentLatencies.ts';

describe('RecentLatencies', () => {
  it('gives the percentile of the values added since the last take, then starts over', () => {
    const r = new RecentLatencies();
    for (let i = 100; i >= 1; i--) r.add(i);
    expect(r.count).toBe(100);
    expect(r.take(95)).toBe(95);
    expect(r.count).toBe(0);
    expect(r.take(95)).toBeNull();
    r.add(7.5);
    expect(r.take(50)).toBe(7.5);
  });

  it('keeps only the most recent values once an interval exceeds its capacity', () => {
    const r = new RecentLatencies();
    const n = RecentLatencies.CAPACITY;
    for (let i = 0; i < n; i++) r.add(1000); // overwritten below
    for (let i = 1; i <= n; i++) r.add(i);
    expect(r.count).toBe(2 * n);
    expect(r.take(100)).toBe(n);
  });
});
