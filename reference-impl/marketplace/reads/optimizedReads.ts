/*
 * The optimized variant's reads (seed 003 as written): home from the two materialized views in two parallel
 * queries (phase 3), and one statement for each other read (two for search: the page and its recording).
 */
import type { Database } from '../../platform/db/Database.ts';
import { SEARCH_PAGE_SIZE } from '../../../scenarios/marketplace/layout.ts';
import { categoryCount, homeDocument, orderDocument, productDocument, productSummary, searchDocument, storeDocument } from '../documents/documents.ts';
import type { MarketplaceReads } from './MarketplaceReads.ts';
import { optimizedStatements as sql } from './optimizedStatements.ts';
import { orderRefusal } from './orderRefusal.ts';

type Row = Record<string, unknown>;

export function optimizedReads(db: Database): MarketplaceReads {
  return {
    async home() {
      const [categories, hot] = await Promise.all([db.query<Row>(sql.homeCategories), db.query<Row>(sql.homeHot)]);
      return homeDocument(categories.rows.map(categoryCount), hot.rows.map(productSummary));
    },
    async store(sellerId) {
      const s = (await db.query<Row>({ ...sql.store, values: [sellerId] })).rows[0];
      if (!s) return null;
      return storeDocument(s, s.product_count, s.products as Row[]);
    },
    async product(type, id) {
      const r = (await db.query<Row>({ ...(type === 'ai' ? sql.productAi : sql.productSeller), values: [id] })).rows[0];
      if (!r) return null;
      const seller = type === 'seller' ? { id: r.seller_id, store_name: r.store_name, rating: r.rating, is_verified: r.is_verified } : null;
      return productDocument(type, r, { id: r.category_id, name: r.category_name }, seller);
    },
    async search(req) {
      const r = await db.query<Row>({ ...sql.search, values: [req.query, (req.page - 1) * SEARCH_PAGE_SIZE] });
      const doc = searchDocument(req.query, req.page, SEARCH_PAGE_SIZE, r.rows);
      await db.query({ ...sql.recordSearch, values: [req.userId, req.query, doc.results.length] });
      return doc;
    },
    async createOrder(req) {
      const values = [req.buyerId, req.productType, req.productId];
      const r = (await db.query<Row>({ ...sql.createOrder, values })).rows[0];
      if (r) return orderDocument(r);
      const why = (await db.query<{ buyer: boolean; product: boolean }>({ ...sql.orderRefusal, values })).rows[0]!;
      throw orderRefusal(req, why.buyer, why.product);
    },
  };
}
