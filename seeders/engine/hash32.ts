/*
 * The seeder's randomness: a counter-based hash, not a running random stream. Every value is
 * hash32(seed, table, rowId, column), so any row or chunk can be regenerated alone, in any order, on any
 * connection, and retries or parallel loads give the same bytes. The mixing is MurmurHash3's (x86_32) block
 * and finalizer steps on 32-bit integer math (Math.imul), which V8 runs without BigInt or allocation.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const TWO_32 = 4294967296;

function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalize(h: number): number {
  h ^= 16; // input length in bytes, as MurmurHash3 does
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Streams of randomness; one per table (and one for the load sampler) so tables never share values. */
export const HashTable = {
  profiles: 1,
  pins: 2,
  experiences: 3,
  skills: 4,
  events: 5,
  sampler: 6,
  plan: 7,
  matches: 8,
} as const;

/** The (seed, table, rowId) part of the hash; rows with several columns compute it once (hot loops). */
export function rowKey(seed: number, table: number, rowId: number): number {
  const h = mixBlock(mixBlock(seed | 0, table), rowId >>> 0);
  return mixBlock(h, Math.floor(rowId / TWO_32) | 0); // rows beyond 2^32 stay distinct
}

/** Uniform uint32 for one column of a row: columnHash(rowKey(s, t, r), c) === hash32(s, t, r, c). */
export function columnHash(key: number, column: number): number {
  return finalize(mixBlock(key, column));
}

/** Uniform uint32 for (seed, table, rowId, column). seed is a uint32, rowId a non-negative safe integer. */
export function hash32(seed: number, table: number, rowId: number, column: number): number {
  return columnHash(rowKey(seed, table, rowId), column);
}

/** A uint32 mixed from two others (a derived draw when a caller only has two hashes). */
export function mix2(a: number, b: number): number {
  return finalize(mixBlock(a | 0, b));
}

/** The same hash as a float in [0, 1). */
export function hashUnit(seed: number, table: number, rowId: number, column: number): number {
  return hash32(seed, table, rowId, column) / TWO_32;
}
