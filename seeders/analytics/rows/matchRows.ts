/*
 * matches rows for ids [from, to): one match per PIN, match m between PIN m and PIN (m mod users) + 1, so the
 * load scenario names a real match and one of its two PINs by arithmetic of the key (scenarios/analytics/
 * endpoints.ts). Every match starts 'active', made some time in the 90 days before asOf.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { HashTable, hash32 } from '../../engine/hash32.ts';
import type { RowContext } from '../RowContext.ts';

export const MATCH_COLUMNS = ['id', 'pin_a', 'pin_b', 'state', 'created_at', 'updated_at'] as const;

const DAY_MS = 86_400_000;
const ACTIVE = new TextEncoder().encode('active');
const ROW_BYTES_MAX = 128;

/** The other PIN of match `id` in a dataset of `users` PINs. */
export function matchPeer(id: number, users: number): number {
  return (id % users) + 1;
}

export function* matchRows(ctx: RowContext, from: number, to: number): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let id = from; id < to; id++) {
    if (w.full(ROW_BYTES_MAX)) yield w.take();
    const created = ctx.asOfMs - 1 - (hash32(ctx.seed, HashTable.matches, id, 0) % (90 * DAY_MS));
    w.row(6);
    w.int8(id);
    w.int8(id);
    w.int8(matchPeer(id, ctx.users));
    w.bytes(ACTIVE);
    w.timestamptzMs(created);
    w.timestamptzMs(created);
  }
  yield w.finish();
}
