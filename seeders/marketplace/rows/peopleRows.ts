/* profiles (the plan's 5M users) and seller_profiles (1 seller per 100 users, each owned by a user). */
import type { CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, rowKey } from '../../engine/hash32.ts';
import { VOCABULARY_SIZE } from '../../../scenarios/marketplace/layout.ts';
import { DATASET_END_MS } from '../MarketplaceParameters.ts';
import { MarketplaceHash, type MarketplaceRowContext } from '../MarketplaceRowContext.ts';
import { numericCents, renderRows } from './copyFields.ts';

const DAY_MS = 86_400_000;

export const PROFILE_COLUMNS = ['id', 'username', 'created_at'] as const;
export const SELLER_COLUMNS = ['id', 'user_id', 'store_name', 'description', 'rating', 'is_verified', 'created_at'] as const;

export function* profileRows(ctx: MarketplaceRowContext, first: number, count: number): Generator<CopyChunk> {
  yield* renderRows(ctx.chunkBytes, first, count, 64, (w, id) => {
    const h = columnHash(rowKey(ctx.seed, MarketplaceHash.profiles, id), 1);
    w.row(PROFILE_COLUMNS.length);
    w.int8(id);
    const at = w.beginText();
    w.asciiRaw('user');
    w.digitsRaw(id, 1);
    w.endText(at);
    w.timestamptzMs(DATASET_END_MS - (h % (3 * 365)) * DAY_MS - (h % 86_399_000));
  });
}

export function* sellerRows(ctx: MarketplaceRowContext, first: number, count: number): Generator<CopyChunk> {
  const users = ctx.counts.users;
  yield* renderRows(ctx.chunkBytes, first, count, 256, (w, id) => {
    const k = rowKey(ctx.seed, MarketplaceHash.sellers, id);
    const h = (c: number) => columnHash(k, c);
    const a = ctx.words[h(1) % VOCABULARY_SIZE]!;
    const b = ctx.words[h(2) % VOCABULARY_SIZE]!;
    w.row(SELLER_COLUMNS.length);
    w.int8(id);
    w.int8(((id * 7919) % users) + 1);
    const name = w.beginText();
    w.raw(a);
    w.byte(32);
    w.raw(b);
    w.asciiRaw(' Store');
    w.endText(name);
    const description = w.beginText();
    w.asciiRaw('Digital goods from ');
    w.raw(a);
    w.byte(32);
    w.raw(b);
    w.asciiRaw(' Store since ');
    w.digitsRaw(2020 + (h(3) % 6), 4);
    w.endText(description);
    numericCents(w, 300 + (h(4) % 201)); // rating 3.00-5.00
    w.bool(h(5) % 4 === 0);
    w.timestamptzMs(DATASET_END_MS - (h(6) % (2 * 365)) * DAY_MS);
  });
}
