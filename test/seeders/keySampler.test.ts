/* The load-key sampler: deterministic per seed, always an existing id, and skewed as asked. */
import { describe, expect, it } from 'vitest';
import { createKeySampler } from '../../seeders/engine/keySampler.ts';
import type { KeyDistribution } from '../../scenarios/Scenario.ts';

const zipf: KeyDistribution = { kind: 'zipf', exponent: 1.1 };
const uniform: KeyDistribution = { kind: 'uniform' };
const hotspot: KeyDistribution = { kind: 'hotspot', hotFraction: 0.01, hotTrafficFraction: 0.8 };

function draws(users: number, seed: number, distribution: KeyDistribution, n: number): number[] {
  const s = createKeySampler({ users, seed, distribution });
  return Array.from({ length: n }, () => s.next());
}

function counts(keys: number[], users: number): Uint32Array {
  const c = new Uint32Array(users + 1);
  for (const k of keys) c[k]!++;
  return c;
}

describe('createKeySampler', () => {
  it('gives the same key sequence for the same seed and a different one for another seed', () => {
    for (const d of [zipf, uniform, hotspot]) {
      expect(draws(10_000, 7, d, 500)).toEqual(draws(10_000, 7, d, 500));
      expect(draws(10_000, 7, d, 500)).not.toEqual(draws(10_000, 8, d, 500));
    }
  });

  it('only ever returns ids from 1 to users, whatever the distribution and scale', () => {
    for (const users of [1, 2, 3, 1000, 1_000_000]) {
      for (const d of [zipf, uniform, hotspot, { kind: 'zipf', exponent: 0.5 } as const, { kind: 'hotspot', hotFraction: 1, hotTrafficFraction: 0.5 } as const]) {
        const keys = draws(users, 3, d, 20_000);
        expect(Math.min(...keys)).toBeGreaterThanOrEqual(1);
        expect(Math.max(...keys)).toBeLessThanOrEqual(users);
        expect(keys.every(Number.isInteger)).toBe(true);
      }
    }
  });

  it('concentrates zipf draws on low ranks, where uniform draws spread evenly', () => {
    const users = 100_000;
    const n = 200_000;
    const z = counts(draws(users, 11, zipf, n), users);
    const u = counts(draws(users, 11, uniform, n), users);
    const top = (c: Uint32Array, k: number) => c.slice(1, k + 1).reduce((a, b) => a + b, 0);
    // The hottest 1% of keys take a large share under zipf, about 1% under uniform.
    expect(top(z, 1000) / n).toBeGreaterThan(0.4);
    expect(top(u, 1000) / n).toBeLessThan(0.02);
    // Popularity falls with rank under zipf.
    expect(z[1]!).toBeGreaterThan(z[2]!);
    expect(z[2]!).toBeGreaterThan(z[10]!);
    expect(top(z, 10)).toBeGreaterThan(top(z, 1000) - top(z, 990) + 100 * 10);
    // Uniform: no key stands out.
    expect(Math.max(...u.slice(1))).toBeLessThan(20);
  });

  it('draws zipf keys with probability proportional to rank^-s, in the exact head and the approximated tail alike', () => {
    const users = 1_000_000;
    const s = 1.1;
    const n = 400_000;
    let norm = 0;
    for (let k = 1; k <= users; k++) norm += Math.pow(k, -s);
    const c = counts(draws(users, 21, { kind: 'zipf', exponent: s }, n), users);
    const share = (a: number, b: number) => {
      let expected = 0;
      let observed = 0;
      for (let k = a; k <= b; k++) {
        expected += Math.pow(k, -s) / norm;
        observed += c[k]!;
      }
      return observed / n / expected;
    };
    // Ranges big enough that sampling noise stays well under the 5% tolerance.
    for (const [a, b] of [[1, 1], [2, 10], [11, 1000], [1001, 65_536], [65_537, 200_000], [200_001, 1_000_000]] as const) {
      expect(share(a, b), `${a}-${b}`).toBeGreaterThan(0.95);
      expect(share(a, b), `${a}-${b}`).toBeLessThan(1.05);
    }
  });

  it('sends about hotTrafficFraction of hotspot draws to the hot keys', () => {
    const users = 50_000;
    const n = 100_000;
    const keys = draws(users, 5, hotspot, n);
    const hot = keys.filter((k) => k <= users * 0.01).length / n;
    expect(hot).toBeGreaterThan(0.75);
    expect(hot).toBeLessThan(0.85);
  });

  it('rejects a distribution it cannot sample with a usage error', () => {
    expect(() => createKeySampler({ users: 10, seed: 1, distribution: { kind: 'zipf', exponent: -1 } })).toThrow(/zipf exponent/);
    expect(() => createKeySampler({ users: 0, seed: 1, distribution: uniform })).toThrow(/users/);
  });
});
