/*
 * seller_orders (1 per user, last 90 days), search_history (2 per user, last 7 days) and popular_searches (one
 * row per distinct query). Orders and searches pick products and queries with a skew to low ids
 * (floor(n * u^3): the hottest 10% of ids get about 46% of picks), as traffic does.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, rowKey } from '../../engine/hash32.ts';
import { sellerOfProduct } from '../../../scenarios/marketplace/layout.ts';
import { DATASET_END_MS } from '../MarketplaceParameters.ts';
import { MarketplaceHash, type MarketplaceRowContext } from '../MarketplaceRowContext.ts';
import { asciiBytes, int4, numericCents, renderRows } from './copyFields.ts';

const DAY_MS = 86_400_000;
const TWO_32 = 4294967296;
const STATUSES = ['completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'pending', 'refunded'].map(asciiBytes);
const AI = asciiBytes('ai');
const SELLER = asciiBytes('seller');

export const ORDER_COLUMNS = ['id', 'buyer_id', 'seller_id', 'product_type', 'product_id', 'amount', 'status', 'created_at'] as const;
export const SEARCH_COLUMNS = ['id', 'user_id', 'query', 'results_count', 'created_at'] as const;
export const POPULAR_COLUMNS = ['id', 'query', 'search_count', 'is_trending', 'last_searched_at'] as const;

/** 0..n-1, skewed to low values. */
function skewed(h: number, n: number): number {
  const u = h / TWO_32;
  return Math.min(n - 1, Math.floor(n * u * u * u));
}

export function* orderRows(ctx: MarketplaceRowContext, first: number, count: number): Generator<CopyChunk> {
  const c = ctx.counts;
  yield* renderRows(ctx.chunkBytes, first, count, 128, (w, id) => {
    const k = rowKey(ctx.seed, MarketplaceHash.orders, id);
    const ai = columnHash(k, 2) % 5 === 0;
    const product = skewed(columnHash(k, 3), ai ? c.aiAccounts : c.sellerProducts) + 1;
    w.row(ORDER_COLUMNS.length);
    w.int8(id);
    w.int8((columnHash(k, 1) % c.users) + 1);
    if (ai) w.null();
    else w.int8(sellerOfProduct(product, c.sellers));
    w.bytes(ai ? AI : SELLER);
    w.int8(product);
    numericCents(w, 99 + (columnHash(k, 4) % 49_901));
    w.bytes(STATUSES[columnHash(k, 5) % STATUSES.length]!);
    w.timestamptzMs(DATASET_END_MS - (columnHash(k, 6) % (90 * DAY_MS)));
  });
}

/** Its own loop (not renderRows): the biggest table, and a call site of its own keeps the row code inlined. */
export function* searchRows(ctx: MarketplaceRowContext, first: number, count: number): Generator<CopyChunk> {
  const c = ctx.counts;
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let id = first; id < first + count; id++) {
    if (w.full(128)) yield w.take();
    const k = rowKey(ctx.seed, MarketplaceHash.searches, id);
    const user = columnHash(k, 1);
    w.row(SEARCH_COLUMNS.length);
    w.int8(id);
    if (user % 10 === 0) w.null(); // anonymous
    else w.int8((user % c.users) + 1);
    w.bytes(ctx.queries[skewed(columnHash(k, 2), c.queries)]!);
    int4(w, columnHash(k, 3) % 200);
    w.timestamptzMs(DATASET_END_MS - (columnHash(k, 4) % (7 * DAY_MS)));
  }
  yield w.finish();
}

export function* popularRows(ctx: MarketplaceRowContext, first: number, count: number): Generator<CopyChunk> {
  yield* renderRows(ctx.chunkBytes, first, count, 128, (w, id) => {
    const k = rowKey(ctx.seed, MarketplaceHash.popular, id);
    const h = (col: number) => columnHash(k, col);
    w.row(POPULAR_COLUMNS.length);
    w.int8(id);
    w.bytes(ctx.queries[id - 1]!);
    int4(w, Math.floor(200_000 / Math.pow(id, 0.9)) + (h(1) % 10));
    w.bool(id <= 20 && h(2) % 2 === 0);
    w.timestamptzMs(DATASET_END_MS - (h(3) % DAY_MS));
  });
}
