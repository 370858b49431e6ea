/*
 * Turns two uniform uint32s into a key in 1..users with the requested popularity skew. The seeder feeds it
 * hashes of (seed, event id), the load sampler hashes of (seed, draw counter): one picker, the same skew.
 *
 * Key k is popularity rank k (key 1 is the hottest), so "hot" means "low id" everywhere.
 * zipf: Walker/Vose alias table over the weights k^-s, O(1) per draw after an O(users) build (8 bytes a
 * key: 8 MB at 1M users; threshold and alias side by side, so a draw touches one cache line). Tables are
 * cached per (users, exponent) because load drivers make many samplers.
 * uniform: one multiply. hotspot: hotFraction of the keys receive hotTrafficFraction of the draws.
 */
import type { KeyDistribution } from '../scenarios/Scenario.ts';
import { ScaleproofError } from '../harness/errors/ScaleproofError.ts';

const TWO_32 = 4294967296;

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

/** Column i: [2i] acceptance threshold scaled to 2^32, [2i+1] the key (0-based) it falls back to. */
type AliasTable = Uint32Array;

const aliasCache = new Map<string, AliasTable>();

/** Vose's alias method over weights (i+1)^-exponent, i in 0..n-1. */
function buildZipfAlias(n: number, exponent: number): AliasTable {
  const scaled = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += scaled[i] = Math.pow(i + 1, -exponent);
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

function zipfAlias(n: number, exponent: number): AliasTable {
  const key = `${n}:${exponent}`;
  let table = aliasCache.get(key);
  if (!table) {
    if (aliasCache.size >= 4) aliasCache.clear(); // bounded: a run uses one or two shapes
    table = buildZipfAlias(n, exponent);
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
      return (h1, h2) => {
        const col = Math.floor((h1 / TWO_32) * users);
        return 1 + (h2 < table[2 * col]! ? col : table[2 * col + 1]!);
      };
    }
  }
}
