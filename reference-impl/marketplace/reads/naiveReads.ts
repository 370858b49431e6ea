/*
 * The naive variant's reads: seed 003's "before", a BFF that asks the tables directly, one question per query
 * ("BEFORE: Multiple parallel queries"), with no materialized views and without phase 1's indexes:
 *   home 4 queries (categories, live counts, hot AI accounts, hot seller products, merged here);
 *   store 3 (profile, products, product count); product 2-3 (product, category, seller);
 *   search 5 (AI matches, seller matches, merged and paged here; history insert; popular lookup; its update or
 *   insert); order 3-4 (buyer, product, seller for a seller product, insert).
 * Same documents as the optimized variant (documents/documents.ts), sorted the same way.
 */
import type { Database } from '../../platform/db/Database.ts';
import { SEARCH_PAGE_SIZE } from '../../../scenarios/marketplace/layout.ts';
import { byHotness, categoryCount, homeDocument, orderDocument, productDocument, productSummary, searchDocument, storeDocument } from '../documents/documents.ts';
import type { MarketplaceReads } from './MarketplaceReads.ts';
import { orderRefusal } from './orderRefusal.ts';

type Row = Record<string, unknown>;

const SUMMARY_AI = `'ai' AS product_type, id, name, price, icon_url, sold_count, view_count, created_at, category_id, NULL::bigint AS seller_id`;
const SUMMARY_SELLER = `'seller' AS product_type, sp.id, sp.name, sp.price, sp.icon_url, sp.sold_count, sp.view_count, sp.created_at, sp.category_id, sp.seller_id`;
const MATCH = `to_tsvector('simple', name) @@ plainto_tsquery('simple', $1)`;

export function naiveReads(db: Database): MarketplaceReads {
  const q = (text: string, values: unknown[] = []) => db.query<Row>({ text, values }).then((r) => r.rows);
  return {
    async home() {
      const [cats, counts, ai, seller] = await Promise.all([
        q('SELECT id, name, icon, color, display_order FROM categories WHERE is_active ORDER BY display_order, id'),
        q(`SELECT category_id, count(*) AS n FROM ai_accounts WHERE is_available GROUP BY category_id
           UNION ALL SELECT category_id, count(*) FROM seller_products WHERE is_available AND is_approved GROUP BY category_id`),
        q(`SELECT ${SUMMARY_AI}, NULL::text AS store_name FROM ai_accounts WHERE is_available ORDER BY sold_count DESC, id LIMIT 50`),
        q(`SELECT ${SUMMARY_SELLER}, s.store_name FROM seller_products sp JOIN seller_profiles s ON s.id = sp.seller_id
            WHERE sp.is_available AND sp.is_approved ORDER BY sp.sold_count DESC, sp.id LIMIT 50`),
      ]);
      const byCategory = new Map<number, number>();
      for (const c of counts) byCategory.set(Number(c.category_id), (byCategory.get(Number(c.category_id)) ?? 0) + Number(c.n));
      const categories = cats.map((c) => categoryCount({ ...c, product_count: byCategory.get(Number(c.id)) ?? 0 }));
      const hot = [...ai, ...seller].map(productSummary).sort(byHotness).slice(0, 50);
      return homeDocument(categories, hot);
    },
    async store(sellerId) {
      const [s] = await q('SELECT id, store_name, description, rating, is_verified, created_at FROM seller_profiles WHERE id = $1', [sellerId]);
      if (!s) return null;
      const [products, [count]] = await Promise.all([
        q(`SELECT id, name, price, icon_url, sold_count, view_count, created_at, category_id FROM seller_products
            WHERE seller_id = $1 AND is_available AND is_approved ORDER BY sold_count DESC, id LIMIT 20`, [sellerId]),
        q('SELECT count(*) AS n FROM seller_products WHERE seller_id = $1 AND is_available AND is_approved', [sellerId]),
      ]);
      return storeDocument(s, count!.n, products);
    },
    async product(type, id) {
      const [p] = await q(`SELECT * FROM ${type === 'ai' ? 'ai_accounts' : 'seller_products'} WHERE id = $1`, [id]);
      if (!p) return null;
      const [[category], sellers] = await Promise.all([
        q('SELECT id, name FROM categories WHERE id = $1', [p.category_id]),
        type === 'seller' ? q('SELECT id, store_name, rating, is_verified FROM seller_profiles WHERE id = $1', [p.seller_id]) : Promise.resolve([]),
      ]);
      return productDocument(type, p, category!, sellers[0] ?? null);
    },
    async search(req) {
      const [ai, seller] = await Promise.all([
        q(`SELECT ${SUMMARY_AI} FROM ai_accounts WHERE is_available AND ${MATCH}`, [req.query]),
        q(`SELECT ${SUMMARY_SELLER} FROM seller_products sp WHERE is_available AND is_approved AND ${MATCH}`, [req.query]),
      ]);
      const from = (req.page - 1) * SEARCH_PAGE_SIZE;
      const page = [...ai, ...seller].map(productSummary).sort(byHotness).slice(from, from + SEARCH_PAGE_SIZE + 1);
      const doc = searchDocument(req.query, req.page, SEARCH_PAGE_SIZE, page);
      await q('INSERT INTO search_history (user_id, query, results_count) VALUES ($1, $2, $3)', [req.userId, req.query, doc.results.length]);
      const [popular] = await q('SELECT id FROM popular_searches WHERE query = $1', [req.query]);
      if (popular) await q('UPDATE popular_searches SET search_count = search_count + 1, last_searched_at = now() WHERE id = $1', [popular.id]);
      else await q(`INSERT INTO popular_searches (query, search_count) VALUES ($1, 1)
                    ON CONFLICT (query) DO UPDATE SET search_count = popular_searches.search_count + 1, last_searched_at = now()`, [req.query]);
      return doc;
    },
    async createOrder(req) {
      const [[buyer], [p]] = await Promise.all([
        q('SELECT id FROM profiles WHERE id = $1', [req.buyerId]),
        q(`SELECT * FROM ${req.productType === 'ai' ? 'ai_accounts' : 'seller_products'} WHERE id = $1`, [req.productId]),
      ]);
      const listed = p !== undefined && p.is_available === true && (req.productType === 'ai' || p.is_approved === true);
      if (!buyer || !listed) throw orderRefusal(req, buyer !== undefined, p !== undefined);
      if (req.productType === 'seller') {
        const [s] = await q('SELECT id FROM seller_profiles WHERE id = $1', [p.seller_id]);
        if (!s) throw orderRefusal(req, true, false);
      }
      const [order] = await q(`INSERT INTO seller_orders (buyer_id, seller_id, product_type, product_id, amount, status)
          VALUES ($1, $2, $3, $4, $5, 'pending') RETURNING id, buyer_id, seller_id, product_type, product_id, amount, status, created_at`,
        [req.buyerId, req.productType === 'seller' ? p.seller_id : null, req.productType, req.productId, p.price]);
      return orderDocument(order!);
    },
  };
}
