import { describe, expect, it } from 'vitest';
import { fitUsl, uslRps } from '../../harness/capacity/fitUsl.ts';
import { seededRandom } from '../../harness/random/seededRandom.ts';

describe('Universal Scalability Law fit', () => {
  it('recovers known parameters exactly from exact USL points, and the peak N* = sqrt((1 - sigma) / kappa)', () => {
    const truth = { lambda: 995.6, sigma: 0.02, kappa: 0.0005 };
    const points = [1, 2, 4, 8, 16, 32, 48, 64, 96].map((n) => ({ concurrency: n, rps: uslRps(truth, n) }));
    const fit = fitUsl(points)!;
    expect(fit.lambda).toBeCloseTo(truth.lambda, 6);
    expect(fit.sigma).toBeCloseTo(truth.sigma, 9);
    expect(fit.kappa).toBeCloseTo(truth.kappa, 9);
    expect(fit.peakConcurrency).toBeCloseTo(Math.sqrt((1 - truth.sigma) / truth.kappa), 6);
    expect(fit.peakRps).toBeCloseTo(uslRps(truth, fit.peakConcurrency!), 6);
    expect(fit.rSquared).toBeCloseTo(1, 9);
    expect(fit.points.every((p) => Math.abs(p.residual) < 1e-6)).toBe(true);
  });

  it('recovers parameters within a few percent from points with 1% seeded noise', () => {
    const truth = { lambda: 120, sigma: 0.05, kappa: 0.002 };
    const random = seededRandom(11);
    const points = Array.from({ length: 30 }, (_, i) => {
      const n = 1 + i * 2;
      return { concurrency: n, rps: uslRps(truth, n) * (1 + (random() - 0.5) * 0.02) };
    });
    const fit = fitUsl(points)!;
    expect(Math.abs(fit.lambda / truth.lambda - 1)).toBeLessThan(0.03);
    expect(Math.abs(fit.sigma - truth.sigma)).toBeLessThan(0.02);
    expect(Math.abs(fit.kappa / truth.kappa - 1)).toBeLessThan(0.15);
    expect(fit.rSquared).toBeGreaterThan(0.95);
  });

  it('pins a negative coefficient to 0: super-linear points give sigma, kappa >= 0 and no peak', () => {
    const points = [1, 2, 3, 5, 8].map((n) => ({ concurrency: n, rps: 50 * n * (1 + 0.01 * n) }));
    const fit = fitUsl(points)!;
    expect(fit.sigma).toBeGreaterThanOrEqual(0);
    expect(fit.kappa).toBeGreaterThanOrEqual(0);
    expect(fit.kappa).toBeCloseTo(0, 12);
    expect(fit.peakConcurrency).toBeNull();
    expect(fit.note).toMatch(/no retrograde region/);
    expect(fit.lambda).toBeGreaterThan(50);
  });

  it('needs three usable points', () => {
    expect(fitUsl([{ concurrency: 1, rps: 10 }, { concurrency: 2, rps: 19 }])).toBeNull();
  });
});
