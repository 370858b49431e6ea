/*
 * The JSON documents both variants answer, and the row -> document mappers they share, so the same rows give
 * the same bytes whichever variant (or json_agg) produced them: numbers as JSON numbers, timestamps as ISO 8601.
 */
import type { ProductType } from '../../../scenarios/marketplace/layout.ts';

export interface ProductSummary {
  product_type: ProductType;
  id: number;
  name: string;
  price: number;
  icon_url: string;
  sold_count: number;
  view_count: number;
  created_at: string;
  category_id: number;
  seller_id: number | null;
  store_name: string | null;
}

export interface CategoryCount {
  id: number;
  name: string;
  icon: string;
  color: string;
  display_order: number;
  product_count: number;
}

export interface HomeDocument {
  categories: CategoryCount[];
  hot: ProductSummary[];
  top_rated: ProductSummary[];
  new_arrivals: ProductSummary[];
}

export interface StoreDocument {
  store: { id: number; store_name: string; description: string; rating: number; is_verified: boolean; created_at: string; product_count: number };
  products: Array<Omit<ProductSummary, 'product_type' | 'seller_id' | 'store_name'>>;
}

export interface ProductDocument {
  product: Omit<ProductSummary, 'seller_id' | 'store_name'> & { description: string; is_available: boolean };
  category: { id: number; name: string };
  seller: { id: number; store_name: string; rating: number; is_verified: boolean } | null;
}

export interface SearchDocument {
  query: string;
  page: number;
  page_size: number;
  has_more: boolean;
  results: Array<Omit<ProductSummary, 'store_name'>>;
}

export interface OrderDocument {
  order: { id: number; buyer_id: number; seller_id: number | null; product_type: ProductType; product_id: number; amount: number; status: string; created_at: string };
}

type Row = Record<string, unknown>;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown): string => new Date(v as string | Date).toISOString();

export function productSummary(r: Row): ProductSummary {
  return {
    product_type: r.product_type as ProductType,
    id: num(r.id),
    name: String(r.name),
    price: num(r.price),
    icon_url: String(r.icon_url),
    sold_count: num(r.sold_count),
    view_count: num(r.view_count),
    created_at: iso(r.created_at),
    category_id: num(r.category_id),
    seller_id: numOrNull(r.seller_id),
    store_name: r.store_name === null || r.store_name === undefined ? null : String(r.store_name),
  };
}

export function categoryCount(r: Row): CategoryCount {
  return { id: num(r.id), name: String(r.name), icon: String(r.icon), color: String(r.color), display_order: num(r.display_order), product_count: num(r.product_count) };
}

/** Seed 003 phase 3: hot, top-rated (by views) and new arrivals, each 10, all cut from one list of hot products. */
export function homeDocument(categories: CategoryCount[], hotList: ProductSummary[]): HomeDocument {
  return {
    categories,
    hot: hotList.slice(0, 10),
    top_rated: [...hotList].sort((a, b) => b.view_count - a.view_count).slice(0, 10),
    new_arrivals: [...hotList].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at)).slice(0, 10),
  };
}

/** The order hot lists and search results share: sold_count desc, then ('ai' before 'seller'), then id. */
export function byHotness(a: Pick<ProductSummary, 'sold_count' | 'product_type' | 'id'>, b: Pick<ProductSummary, 'sold_count' | 'product_type' | 'id'>): number {
  return b.sold_count - a.sold_count || (a.product_type < b.product_type ? -1 : a.product_type > b.product_type ? 1 : 0) || a.id - b.id;
}

export function storeDocument(s: Row, productCount: unknown, products: Row[]): StoreDocument {
  return {
    store: {
      id: num(s.id), store_name: String(s.store_name), description: String(s.description), rating: num(s.rating),
      is_verified: Boolean(s.is_verified), created_at: iso(s.created_at), product_count: num(productCount),
    },
    products: products.map((p) => ({
      id: num(p.id), name: String(p.name), price: num(p.price), icon_url: String(p.icon_url), sold_count: num(p.sold_count),
      view_count: num(p.view_count), created_at: iso(p.created_at), category_id: num(p.category_id),
    })),
  };
}

export function productDocument(type: ProductType, p: Row, category: Row, seller: Row | null): ProductDocument {
  return {
    product: {
      product_type: type, id: num(p.id), name: String(p.name), description: String(p.description), price: num(p.price),
      icon_url: String(p.icon_url), sold_count: num(p.sold_count), view_count: num(p.view_count), created_at: iso(p.created_at),
      category_id: num(p.category_id), is_available: Boolean(p.is_available),
    },
    category: { id: num(category.id), name: String(category.name) },
    seller: seller === null ? null : { id: num(seller.id), store_name: String(seller.store_name), rating: num(seller.rating), is_verified: Boolean(seller.is_verified) },
  };
}

/** `rows`: result rows or summaries, one past the page when there is more. */
export function searchDocument(query: string, page: number, pageSize: number, rows: readonly object[]): SearchDocument {
  const results = rows.slice(0, pageSize).map((r) => {
    const { store_name: _drop, ...rest } = productSummary(r as Row);
    return rest;
  });
  return { query, page, page_size: pageSize, has_more: rows.length > pageSize, results };
}

export function orderDocument(r: Row): OrderDocument {
  return {
    order: {
      id: num(r.id), buyer_id: num(r.buyer_id), seller_id: numOrNull(r.seller_id), product_type: r.product_type as ProductType,
      product_id: num(r.product_id), amount: num(r.amount), status: String(r.status), created_at: iso(r.created_at),
    },
  };
}
