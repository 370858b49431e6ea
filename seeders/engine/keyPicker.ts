/*
 * Turns two uniform uint32s into a key in 1..users with the requested popularity skew. The seeder feeds it
 * hashes of (seed, event id), the load sampler hashes of (seed, draw counter): one picker, the same skew.
 *
 * Key k is popularity rank k (key 1 is the hottest), so "hot" means "low id" everywhere.
 * zipf: Walker/Vose alias table, O(1) a draw. Exact over the hottest 65,536 keys (a 512 KB table that stays
 * in cache: a table over all 1M keys measured ~200 ns a draw in cache misses); one more column holds the
 * tail's total weight, and a draw landing there is placed by inverting the continuous density x^-s over
 * [65536.5, users + 0.5] and rounding, whose error per key is O(k^-2) there. Tables are cached per
 * (users, exponent) because load drivers make many samplers.
 * uniform: one multiply. hotspot: hotFraction of the keys receive hotTrafficFraction of the draws.
 */
import type { KeyDistribution } from '../../scenarios/Scenario.ts';
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { mix2 } from './hash32.ts';

const TWO_32 = 4294967296;
const HEAD = 65_536;

export type KeyPicker = (h1: number, h2: number) => number;

export const defaultKeyDistribution: KeyDistribution = Object.freeze({ kind: 'zipf', exponent: 1.1 });

/** Throws SP_USAGE naming the bad field; the CLI and seedDataset validate before touching anything. */
export function validateKeyDistribution(d: KeyDistribution): void {
  if (d.kind === 'zipf') {
    if (!Number.isFinite(d.exponent) || d.exponent <= 0 || d.exponent > 10) {
      throw new ScaleproofError('SP_USAGE', `zipf exponent must be a number in (0, 10], got ${d.exponent}`);
    }
  } else if (d.kind === 'hotspot') {
    if (!(d.hotFraction > 0 && d.hotFraction <= 1)) {
      throw new ScaleproofError('SP_USAGE', `hotspot hotFraction must be in (0, 1], got ${d.hotFraction}`);
    }
    if (!(d.hotTrafficFraction >= 0 && d.hotTrafficFraction <= 1)) {
      throw new ScaleproofError('SP_USAGE', `hotspot hotTrafficFraction must be in [0, 1], got ${d.hotTrafficFraction}`);
    }
  } else if (d.kind !== 'uniform') {
    throw new ScaleproofError('SP_USAGE', `unknown key distribution ${JSON.stringify((d as { kind: unknown }).kind)}; use zipf, uniform or hotspot`);
  }
}

/** Column i: [2i] acceptance threshold scaled to 2^32, [2i+1] the column (0-based) it falls back to. */
type AliasTable = Uint32Array;

const aliasCache = new Map<string, AliasTable>();

/** Integral of x^-s from a to b. */
function powerIntegral(a: number, b: number, s: number): number {
  return s === 1 ? Math.log(b / a) : (Math.pow(b, 1 - s) - Math.pow(a, 1 - s)) / (1 - s);
}

/** Inverse of the normalised integral over [a, b]: u in [0, 1) -> the x below which a fraction u of the mass lies. */
function powerQuantile(a: number, b: number, s: number): (u: number) => number {
  if (s === 1) {
    const ratio = b / a;
    return (u) => a * Math.pow(ratio, u);
  }
  const lo = Math.pow(a, 1 - s);
  const span = Math.pow(b, 1 - s) - lo;
  const inv = 1 / (1 - s);
  return (u) => Math.pow(lo + u * span, inv); // one pow a tail draw (~10% of draws at 1M users, s = 1.1)
}

/** Vose's alias method over weights[0..n-1]. */
function buildAlias(weights: Float64Array): AliasTable {
  const n = weights.length;
  const scaled = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += scaled[i] = weights[i]!;
  const small = new Uint32Array(n);
  const large = new Uint32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    const p = (scaled[i] = (scaled[i]! * n) / sum);
    if (p < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  const table = new Uint32Array(2 * n);
  while (ns > 0 && nl > 0) {
    const s = small[--ns]!;
    const l = large[--nl]!;
    table[2 * s] = Math.floor(scaled[s]! * TWO_32);
    table[2 * s + 1] = l;
    const rest = (scaled[l] = scaled[l]! + scaled[s]! - 1);
    if (rest < 1) small[ns++] = l;
    else large[nl++] = l;
  }
  // Leftovers are 1 up to rounding: always accept.
  while (nl > 0) { const l = large[--nl]!; table[2 * l] = TWO_32 - 1; table[2 * l + 1] = l; }
  while (ns > 0) { const s = small[--ns]!; table[2 * s] = TWO_32 - 1; table[2 * s + 1] = s; }
  return table;
}

/** Columns 0..head-1 are keys 1..head; column `head` (when users > HEAD) is the whole tail. */
function zipfAlias(users: number, exponent: number): AliasTable {
  const key = `${users}:${exponent}`;
  let table = aliasCache.get(key);
  if (!table) {
    if (aliasCache.size >= 4) aliasCache.clear(); // bounded: a run uses one or two shapes
    const head = Math.min(users, HEAD);
    const weights = new Float64Array(users > HEAD ? head + 1 : head);
    for (let i = 0; i < head; i++) weights[i] = Math.pow(i + 1, -exponent);
    if (users > HEAD) weights[head] = powerIntegral(HEAD + 0.5, users + 0.5, exponent);
    table = buildAlias(weights);
    aliasCache.set(key, table);
  }
  return table;
}

export function createKeyPicker(users: number, distribution: KeyDistribution): KeyPicker {
  if (!Number.isSafeInteger(users) || users < 1) throw new ScaleproofError('SP_USAGE', `users must be a whole number >= 1, got ${users}`);
  validateKeyDistribution(distribution);
  switch (distribution.kind) {
    case 'uniform':
      return (h1) => 1 + Math.floor((h1 / TWO_32) * users);
    case 'hotspot': {
      const hot = Math.max(1, Math.min(users, Math.round(users * distribution.hotFraction)));
      const cold = users - hot;
      const hotThreshold = distribution.hotTrafficFraction * TWO_32;
      return (h1, h2) =>
        h1 < hotThreshold || cold === 0 ? 1 + Math.floor((h2 / TWO_32) * hot) : hot + 1 + Math.floor((h2 / TWO_32) * cold);
    }
    case 'zipf': {
      const table = zipfAlias(users, distribution.exponent);
      const columns = table.length / 2;
      const tail = powerQuantile(HEAD + 0.5, users + 0.5, distribution.exponent);
      return (h1, h2) => {
        const col = Math.floor((h1 / TWO_32) * columns);
        const hit = h2 < table[2 * col]! ? col : table[2 * col + 1]!;
        if (hit < HEAD) return hit + 1;
        const x = Math.round(tail(mix2(h1, h2) / TWO_32));
        return Math.min(users, Math.max(HEAD + 1, x));
      };
    }
  }
}
