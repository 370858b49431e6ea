/*
 * ai_accounts and seller_products rows. Popularity follows the id (sold_count ~ 50,000 / id^0.7 with jitter),
 * as the load's keys do, so the hot products of the views are the ones the load asks for. Names are three
 * vocabulary words (what search matches), categories uniform; availability and approval are arithmetic of the id
 * (scenarios/marketplace/layout.ts: 95% available, 90% of seller products approved), so the load orders listed ones.
 * Written field by field, without per-row allocation: rendering runs on the seeder's one thread.
 */
import type { BinaryCopyWriter, CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, rowKey } from '../../engine/hash32.ts';
import { CATEGORY_COUNT, VOCABULARY_SIZE, isApproved, isAvailable, sellerOfProduct } from '../../../scenarios/marketplace/layout.ts';
import { DATASET_END_MS } from '../MarketplaceParameters.ts';
import { MarketplaceHash, type MarketplaceRowContext } from '../MarketplaceRowContext.ts';
import { int4, numericCents, renderRows, threeWords } from './copyFields.ts';

const DAY_MS = 86_400_000;
const MAX_ROW_BYTES = 512;
const AI_ICON = 'https://cdn.example.com/icons/ai/';
const SELLER_ICON = 'https://cdn.example.com/icons/seller/';

export const AI_ACCOUNT_COLUMNS = ['id', 'name', 'description', 'price', 'icon_url', 'category_id', 'sold_count', 'view_count', 'is_available', 'created_at'] as const;
export const SELLER_PRODUCT_COLUMNS = ['id', 'seller_id', 'name', 'description', 'price', 'icon_url', 'category_id', 'sold_count', 'view_count', 'is_available', 'is_approved', 'created_at'] as const;

/** sold_count of product `id`: decreasing with the id, jittered by up to +/-30%. */
export function soldCount(id: number, h: number): number {
  return Math.floor((50_000 / Math.pow(id, 0.7)) * (0.7 + (h % 601) / 1000)) + (h % 7);
}

/** Name, description, price, icon, category, counts, availability, created_at: the columns both tables share. */
function productFields(w: BinaryCopyWriter, ctx: MarketplaceRowContext, table: number, id: number, icon: string, description: string, sellerId: number): void {
  const k = rowKey(ctx.seed, table, id);
  const a = ctx.words[columnHash(k, 2) % VOCABULARY_SIZE]!;
  const b = ctx.words[columnHash(k, 3) % VOCABULARY_SIZE]!;
  const c = ctx.words[columnHash(k, 4) % VOCABULARY_SIZE]!;
  const sold = soldCount(id, columnHash(k, 1));
  threeWords(w, a, b, c);
  const at = w.beginText();
  w.asciiRaw(description);
  w.raw(a);
  w.endText(at);
  numericCents(w, 99 + (columnHash(k, 5) % 49_901));
  const ic = w.beginText();
  w.asciiRaw(icon);
  w.digitsRaw(id, 1);
  w.asciiRaw('.png');
  w.endText(ic);
  int4(w, (columnHash(k, 6) % CATEGORY_COUNT) + 1);
  int4(w, sold);
  int4(w, sold * (5 + (columnHash(k, 7) % 16)) + (columnHash(k, 8) % 100));
  w.bool(isAvailable(id));
  if (sellerId > 0) w.bool(isApproved(id));
  w.timestamptzMs(DATASET_END_MS - (columnHash(k, 10) % 365) * DAY_MS - (columnHash(k, 11) % DAY_MS));
}

export function* aiAccountRows(ctx: MarketplaceRowContext, first: number, count: number): Generator<CopyChunk> {
  yield* renderRows(ctx.chunkBytes, first, count, MAX_ROW_BYTES, (w, id) => {
    w.row(AI_ACCOUNT_COLUMNS.length);
    w.int8(id);
    productFields(w, ctx, MarketplaceHash.aiAccounts, id, AI_ICON, 'AI account with instant delivery: ', 0);
  });
}

export function* sellerProductRows(ctx: MarketplaceRowContext, first: number, count: number): Generator<CopyChunk> {
  const sellers = ctx.counts.sellers;
  yield* renderRows(ctx.chunkBytes, first, count, MAX_ROW_BYTES, (w, id) => {
    const seller = sellerOfProduct(id, sellers);
    w.row(SELLER_PRODUCT_COLUMNS.length);
    w.int8(id);
    w.int8(seller);
    productFields(w, ctx, MarketplaceHash.sellerProducts, id, SELLER_ICON, 'Sold by an independent seller: ', seller);
  });
}
