/*
 * ai_accounts and seller_products rows. Popularity follows the id (sold_count ~ 50,000 / id^0.7 with jitter),
 * as the load's keys do, so the hot products of the views are the ones the load asks for. Names are three
 * vocabulary words (what search matches), categories uniform; availability and approval are arithmetic of the id
 * (scenarios/marketplace/layout.ts: 95% available, 90% of seller products approved), so the load orders listed ones.
 */
import type { CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, rowKey } from '../../engine/hash32.ts';
import { CATEGORY_COUNT, VOCABULARY_SIZE, isApproved, isAvailable, sellerOfProduct } from '../../../scenarios/marketplace/layout.ts';
import { DATASET_END_MS } from '../MarketplaceParameters.ts';
import { MarketplaceHash, type MarketplaceRowContext } from '../MarketplaceRowContext.ts';
import { asciiParts, int4, numericCents, renderRows } from './copyFields.ts';

const DAY_MS = 86_400_000;
const MAX_ROW_BYTES = 512;

export const AI_ACCOUNT_COLUMNS = ['id', 'name', 'description', 'price', 'icon_url', 'category_id', 'sold_count', 'view_count', 'is_available', 'created_at'] as const;
export const SELLER_PRODUCT_COLUMNS = ['id', 'seller_id', 'name', 'description', 'price', 'icon_url', 'category_id', 'sold_count', 'view_count', 'is_available', 'is_approved', 'created_at'] as const;

/** sold_count of product `id`: decreasing with the id, jittered by up to +/-30%. */
export function soldCount(id: number, h: number): number {
  return Math.floor((50_000 / Math.pow(id, 0.7)) * (0.7 + (h % 601) / 1000)) + (h % 7);
}

function common(ctx: MarketplaceRowContext, table: number, id: number) {
  const k = rowKey(ctx.seed, table, id);
  const h = (c: number) => columnHash(k, c);
  const sold = soldCount(id, h(1));
  return {
    h,
    words: [ctx.words[h(2) % VOCABULARY_SIZE]!, ctx.words[h(3) % VOCABULARY_SIZE]!, ctx.words[h(4) % VOCABULARY_SIZE]!] as const,
    priceCents: 99 + (h(5) % 49_901),
    categoryId: (h(6) % CATEGORY_COUNT) + 1,
    sold,
    views: sold * (5 + (h(7) % 16)) + (h(8) % 100),
    available: isAvailable(id),
    createdMs: DATASET_END_MS - (h(10) % 365) * DAY_MS - (h(11) % DAY_MS),
  };
}

export function* aiAccountRows(ctx: MarketplaceRowContext, first: number, count: number): Generator<CopyChunk> {
  yield* renderRows(ctx.chunkBytes, first, count, MAX_ROW_BYTES, (w, id) => {
    const r = common(ctx, MarketplaceHash.aiAccounts, id);
    w.row(AI_ACCOUNT_COLUMNS.length);
    w.int8(id);
    asciiParts(w, r.words[0], ' ', r.words[1], ' ', r.words[2]);
    asciiParts(w, 'AI account: ', r.words[0], ' ', r.words[1], ' ', r.words[2], ', instant delivery');
    numericCents(w, r.priceCents);
    asciiParts(w, 'https://cdn.example.com/icons/ai/', String(id), '.png');
    int4(w, r.categoryId);
    int4(w, r.sold);
    int4(w, r.views);
    w.bool(r.available);
    w.timestamptzMs(r.createdMs);
  });
}

export function* sellerProductRows(ctx: MarketplaceRowContext, first: number, count: number): Generator<CopyChunk> {
  const sellers = ctx.counts.sellers;
  yield* renderRows(ctx.chunkBytes, first, count, MAX_ROW_BYTES, (w, id) => {
    const r = common(ctx, MarketplaceHash.sellerProducts, id);
    w.row(SELLER_PRODUCT_COLUMNS.length);
    w.int8(id);
    w.int8(sellerOfProduct(id, sellers));
    asciiParts(w, r.words[0], ' ', r.words[1], ' ', r.words[2]);
    asciiParts(w, r.words[0], ' ', r.words[1], ' ', r.words[2], ', sold by an independent seller');
    numericCents(w, r.priceCents);
    asciiParts(w, 'https://cdn.example.com/icons/seller/', String(id), '.png');
    int4(w, r.categoryId);
    int4(w, r.sold);
    int4(w, r.views);
    w.bool(r.available);
    w.bool(isApproved(id));
    w.timestamptzMs(r.createdMs);
  });
}
