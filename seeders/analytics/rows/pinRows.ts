/*
 * professional_pins rows for ids [from, to): one per user, id = user_id = profile id, pin_number from
 * pinNumber(). Every PIN is public: the analytics scenario reads /pin/public/:number for any seeded key.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { HashTable, columnHash, rowKey } from '../../engine/hash32.ts';
import { pinNumber } from '../pinNumber.ts';
import { MAX_TEXT_ROW_BYTES, type RowContext } from '../RowContext.ts';
import { profileCreatedAtMs } from './profileRows.ts';

export const PIN_COLUMNS = ['id', 'pin_number', 'user_id', 'title', 'bio', 'visibility', 'created_at', 'updated_at'] as const;

const DAY_MS = 86_400_000;
const PUBLIC = new TextEncoder().encode('public');

const enum Col { Title, HasBio, Bio, CreatedAfter, UpdatedAfter }

export function* pinRows(ctx: RowContext, from: number, to: number): Generator<CopyChunk> {
  const { seed, pools, asOfMs } = ctx;
  const T = HashTable.pins;
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let id = from; id < to; id++) {
    if (w.full(MAX_TEXT_ROW_BYTES)) yield w.take();
    const key = rowKey(seed, T, id);
    const created = Math.min(asOfMs - 1, profileCreatedAtMs(ctx, id) + (columnHash(key, Col.CreatedAfter) % (30 * DAY_MS)));
    const updated = created + Math.floor((columnHash(key, Col.UpdatedAfter) / 4294967296) * (asOfMs - created));
    w.row(8);
    w.int8(id);
    w.ascii(pinNumber(id));
    w.int8(id);
    w.bytes(pools.jobTitles[columnHash(key, Col.Title) % pools.jobTitles.length]!);
    if (columnHash(key, Col.HasBio) % 100 < 90) w.bytes(pools.bios[columnHash(key, Col.Bio) % pools.bios.length]!);
    else w.null();
    w.bytes(PUBLIC);
    w.timestamptzMs(created);
    w.timestamptzMs(updated);
  }
  yield w.finish();
}
