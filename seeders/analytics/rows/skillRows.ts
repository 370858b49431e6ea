/*
 * pin_skills rows for the PINs [from, to): 1-4 distinct skills per PIN. The PIN's skills are
 * pool[(start + i * step) mod P] with P prime and 0 < step < P, so its names never repeat; they are written
 * in pool order, which is byte order, so the rows arrive sorted by (pin_id, skill_name) like the key.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { HashTable, hash32 } from '../../engine/hash32.ts';
import { MAX_TEXT_ROW_BYTES, type RowContext } from '../RowContext.ts';

export const SKILL_COLUMNS = ['pin_id', 'skill_name', 'level'] as const;

const enum Col { Count, Start, Step, Level }

export function skillCount(seed: number, pinId: number): number {
  return 1 + (hash32(seed, HashTable.skills, pinId, Col.Count) % 4);
}

export function* skillRows(ctx: RowContext, from: number, to: number): Generator<CopyChunk> {
  const { seed, pools } = ctx;
  const T = HashTable.skills;
  const P = pools.skills.length; // prime (stringPools.ts)
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  const picks = new Uint32Array(4);
  for (let pin = from; pin < to; pin++) {
    const n = skillCount(seed, pin);
    const start = hash32(seed, T, pin, Col.Start) % P;
    const step = 1 + (hash32(seed, T, pin, Col.Step) % (P - 1));
    for (let i = 0; i < n; i++) picks[i] = (start + i * step) % P;
    const chosen = picks.subarray(0, n).sort();
    for (let i = 0; i < n; i++) {
      if (w.full(MAX_TEXT_ROW_BYTES)) yield w.take();
      w.row(3);
      w.int8(pin);
      w.bytes(pools.skills[chosen[i]!]!);
      w.int2(1 + (hash32(seed, T, pin * 10 + i, Col.Level) % 5));
    }
  }
  yield w.finish();
}
