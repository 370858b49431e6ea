/*
 * Keys for load scenarios: ids that exist in the seeded dataset (1..users), drawn with the same skew the
 * seeder gave event popularity (same picker, seeders/keyPicker.ts). Deterministic for a seed: draw i is
 * hash(seed, i), so two samplers with one seed yield the same sequence. O(1) a draw.
 */
import type { KeyDistribution } from '../../scenarios/Scenario.ts';
import { HashTable, hash32 } from './hash32.ts';
import { createKeyPicker } from './keyPicker.ts';

export interface KeySampler {
  next(): number;
}

export function createKeySampler(opts: { users: number; seed: number; distribution: KeyDistribution }): KeySampler {
  const pick = createKeyPicker(opts.users, opts.distribution);
  const seed = opts.seed >>> 0;
  let draw = 0;
  return {
    next(): number {
      draw++;
      return pick(hash32(seed, HashTable.sampler, draw, 0), hash32(seed, HashTable.sampler, draw, 1));
    },
  };
}
