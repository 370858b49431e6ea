/*
 * The generic k6 script's choices per iteration: which endpoint (weighted by MIX) and which key (drawn from the
 * pre-sampled keys). Nothing here knows a workload: the endpoints come from the workload's own endpoint table
 * (scenarios/<workload>/endpoints.ts), which the entry file runK6 writes imports and hands to createWorkloadTest.
 *
 * K6Endpoint is the shape the script needs from a table entry, written structurally so this folder type-checks
 * against @types/k6 alone; every workload's EndpointDef satisfies it (the typecheck of runK6's entry file proves it).
 */
export interface K6Request {
  method: string;
  path: string;
  headers?: Record<string, string> | undefined;
  body?: string | undefined;
}

export interface K6Endpoint {
  name: string;
  /** Route template, used as k6's `name` tag so URLs with ids don't explode metric cardinality. */
  route: string;
  expectedStatuses: readonly number[];
  /** A pure function of the key. */
  request(key: number): K6Request;
}

/** A workload's endpoint table as the script reads it: name -> endpoint. */
export type K6EndpointTable = Readonly<Record<string, K6Endpoint>>;

/** A 32-bit integer hash (murmur3's fmix32): deterministic, well spread, cheap enough per request. */
export function hash32(n: number): number {
  let h = n >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface MixPicker {
  /** The endpoint for iteration i: weighted by the mix, independent of the key drawn for the same i. */
  pick(i: number): K6Endpoint;
  /** The endpoints with a weight > 0, in the mix's order. */
  endpoints: K6Endpoint[];
}

export function mixPicker(table: K6EndpointTable, mix: Readonly<Record<string, unknown>>): MixPicker {
  const chosen: Array<{ endpoint: K6Endpoint; upTo: number }> = [];
  let total = 0;
  for (const [name, weight] of Object.entries(mix)) {
    const endpoint = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
    if (!endpoint) throw new Error(`MIX names unknown endpoint ${JSON.stringify(name)}; this workload has ${Object.keys(table).join(', ')}`);
    if (typeof weight !== 'number' || !(weight >= 0) || !Number.isFinite(weight)) throw new Error(`MIX weight of ${name} must be a finite number >= 0, got ${JSON.stringify(weight)}`);
    if (weight === 0) continue;
    total += weight;
    chosen.push({ endpoint, upTo: total });
  }
  if (chosen.length === 0) throw new Error('MIX gives no endpoint a weight > 0');
  return {
    endpoints: chosen.map((c) => c.endpoint),
    pick(i: number): K6Endpoint {
      const r = (hash32(i ^ 0x9e3779b9) / 4294967296) * total;
      return (chosen.find((c) => r < c.upTo) ?? chosen[chosen.length - 1]!).endpoint;
    },
  };
}

/** The key for iteration i: a draw (with replacement) from the pre-sampled keys, which carry the skew. */
export function keyAt(keys: ArrayLike<number>, i: number, salt: number): number {
  return keys[hash32(i ^ salt) % keys.length]!;
}
