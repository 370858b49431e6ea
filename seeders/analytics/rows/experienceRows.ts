/*
 * pin_experiences rows for the PINs [from, to): 1-3 per PIN, newest first. The id is pinId * 10 + slot,
 * unique and computable from the PIN alone, so any PIN range renders without knowing the ones before it.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { HashTable, columnHash, hash32, rowKey } from '../../engine/hash32.ts';
import { MAX_TEXT_ROW_BYTES, type RowContext } from '../RowContext.ts';

export const EXPERIENCE_COLUMNS = ['id', 'pin_id', 'company', 'role', 'start_date', 'end_date'] as const;

const DAY_MS = 86_400_000;
const SLOT_SPAN_DAYS = 1100; // each older job ends roughly three years before the next one

const enum Col { Count, Company, Role, EndGap, Length, Current }

export function experienceCount(seed: number, pinId: number): number {
  return 1 + (hash32(seed, HashTable.experiences, pinId, Col.Count) % 3);
}

export function* experienceRows(ctx: RowContext, from: number, to: number): Generator<CopyChunk> {
  const { seed, pools } = ctx;
  const T = HashTable.experiences;
  const asOfDay = Math.floor(ctx.asOfMs / DAY_MS);
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let pin = from; pin < to; pin++) {
    const n = experienceCount(seed, pin);
    for (let slot = 0; slot < n; slot++) {
      if (w.full(MAX_TEXT_ROW_BYTES)) yield w.take();
      const rowId = pin * 10 + slot;
      const key = rowKey(seed, T, rowId);
      const endDay = asOfDay - slot * SLOT_SPAN_DAYS - (columnHash(key, Col.EndGap) % 120);
      const startDay = endDay - 180 - (columnHash(key, Col.Length) % 900);
      w.row(6);
      w.int8(rowId);
      w.int8(pin);
      w.bytes(pools.companies[columnHash(key, Col.Company) % pools.companies.length]!);
      w.bytes(pools.jobTitles[columnHash(key, Col.Role) % pools.jobTitles.length]!);
      w.dateMs(startDay * DAY_MS);
      // Most people still hold their newest job.
      if (slot === 0 && columnHash(key, Col.Current) % 100 < 70) w.null();
      else w.dateMs(endDay * DAY_MS);
    }
  }
  yield w.finish();
}
