/*
 * The marketplace dataset as COPY units. search_history, the largest table, is cut into `streams` id ranges
 * loaded alone first (its rate is what bench:seed compares with a raw COPY); every other table is one unit,
 * loaded with FREEZE on the same streams.
 */
import type { CopyChunk } from '../engine/BinaryCopyWriter.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';
import type { MarketplaceRowContext } from './MarketplaceRowContext.ts';
import { ORDER_COLUMNS, POPULAR_COLUMNS, SEARCH_COLUMNS, orderRows, popularRows, searchRows } from './rows/activityRows.ts';
import { CATEGORY_COLUMNS, categoryRows } from './rows/categoryRows.ts';
import { PROFILE_COLUMNS, SELLER_COLUMNS, profileRows, sellerRows } from './rows/peopleRows.ts';
import { AI_ACCOUNT_COLUMNS, SELLER_PRODUCT_COLUMNS, aiAccountRows, sellerProductRows } from './rows/productRows.ts';

type Render = (ctx: MarketplaceRowContext, first: number, count: number) => Generator<CopyChunk>;

function unit(table: string, columns: readonly string[], rows: number, rowBytes: number, render: () => Generator<CopyChunk>): LoadUnit {
  return { table, relation: table, columns, rows, weight: rows * rowBytes, render };
}

/** search_history split into `streams` contiguous id ranges (loaded without FREEZE: they share one table). */
export function searchHistoryUnits(ctx: MarketplaceRowContext, streams: number): LoadUnit[] {
  const total = ctx.counts.searches;
  const parts = Math.max(1, Math.min(streams, total));
  const units: LoadUnit[] = [];
  let first = 1;
  for (let i = 0; i < parts; i++) {
    const rows = Math.floor(total / parts) + (i < total % parts ? 1 : 0);
    const start = first;
    units.push(unit('search_history', SEARCH_COLUMNS, rows, 60, () => searchRows(ctx, start, rows)));
    first += rows;
  }
  return units;
}

export function otherTableUnits(ctx: MarketplaceRowContext): LoadUnit[] {
  const c = ctx.counts;
  const whole = (table: string, columns: readonly string[], rows: number, rowBytes: number, render: Render) =>
    unit(table, columns, rows, rowBytes, () => render(ctx, 1, rows));
  return [
    whole('seller_orders', ORDER_COLUMNS, c.orders, 90, orderRows),
    whole('profiles', PROFILE_COLUMNS, c.users, 40, profileRows),
    whole('seller_products', SELLER_PRODUCT_COLUMNS, c.sellerProducts, 220, sellerProductRows),
    whole('ai_accounts', AI_ACCOUNT_COLUMNS, c.aiAccounts, 200, aiAccountRows),
    whole('popular_searches', POPULAR_COLUMNS, c.queries, 60, popularRows),
    whole('seller_profiles', SELLER_COLUMNS, c.sellers, 120, sellerRows),
    unit('categories', CATEGORY_COLUMNS, c.categories, 60, () => categoryRows(ctx)),
  ];
}
