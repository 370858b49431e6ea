/*
 * The optimized variant's SQL: one statement per request (two for home, as phase 3 writes it, and for search,
 * whose recording is its own write). Named, so each pooled connection parses and plans them once.
 */
import { SEARCH_PAGE_SIZE } from '../../../scenarios/marketplace/layout.ts';

const SUMMARY = 'product_type, id, name, price, icon_url, sold_count, view_count, created_at, category_id, seller_id, store_name';

export const optimizedStatements = {
  // Phase 3: "AFTER: Single materialized view query" x 2, in parallel.
  homeCategories: { name: 'mp_home_categories', text: 'SELECT id, name, icon, color, display_order, product_count FROM mv_category_counts ORDER BY display_order, id' },
  homeHot: { name: 'mp_home_hot', text: `SELECT ${SUMMARY} FROM mv_hot_products ORDER BY sold_count DESC, product_type, id LIMIT 50` },
  // The store, its listed-product count and its top 20 products in one round trip.
  store: {
    name: 'mp_store',
    text: `SELECT s.id, s.store_name, s.description, s.rating, s.is_verified, s.created_at,
        (SELECT count(*) FROM seller_products p WHERE p.seller_id = s.id AND p.is_available AND p.is_approved) AS product_count,
        (SELECT coalesce(json_agg(x ORDER BY x.sold_count DESC, x.id), '[]'::json) FROM (
           SELECT p.id, p.name, p.price, p.icon_url, p.sold_count, p.view_count, p.created_at, p.category_id
             FROM seller_products p WHERE p.seller_id = s.id AND p.is_available AND p.is_approved
            ORDER BY p.sold_count DESC, p.id LIMIT 20) x) AS products
       FROM seller_profiles s WHERE s.id = $1`,
  },
  productAi: {
    name: 'mp_product_ai',
    text: `SELECT p.*, c.name AS category_name FROM ai_accounts p JOIN categories c ON c.id = p.category_id WHERE p.id = $1`,
  },
  productSeller: {
    name: 'mp_product_seller',
    text: `SELECT p.*, c.name AS category_name, s.store_name, s.rating, s.is_verified
             FROM seller_products p JOIN categories c ON c.id = p.category_id JOIN seller_profiles s ON s.id = p.seller_id WHERE p.id = $1`,
  },
  // Listed products whose name has every word of the query, hottest first; one row past the page says has_more.
  search: {
    name: 'mp_search',
    text: `SELECT * FROM (
        SELECT 'ai' AS product_type, id, name, price, icon_url, sold_count, view_count, created_at, category_id, NULL::bigint AS seller_id
          FROM ai_accounts WHERE is_available AND to_tsvector('simple', name) @@ plainto_tsquery('simple', $1)
        UNION ALL
        SELECT 'seller', id, name, price, icon_url, sold_count, view_count, created_at, category_id, seller_id
          FROM seller_products WHERE is_available AND is_approved AND to_tsvector('simple', name) @@ plainto_tsquery('simple', $1)
      ) r ORDER BY sold_count DESC, product_type, id LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET $2`,
  },
  // Both records of a search in one statement: its history row and its popular_searches count.
  recordSearch: {
    name: 'mp_record_search',
    text: `WITH h AS (INSERT INTO search_history (user_id, query, results_count) VALUES ($1, $2, $3))
      INSERT INTO popular_searches AS p (query, search_count, last_searched_at) VALUES ($2, 1, now())
      ON CONFLICT (query) DO UPDATE SET search_count = p.search_count + 1, last_searched_at = now()`,
  },
  // The order, only for a known buyer and a listed product, priced and attributed from the product row.
  createOrder: {
    name: 'mp_create_order',
    text: `WITH p AS (
        SELECT 'ai'::text AS product_type, id, NULL::bigint AS seller_id, price FROM ai_accounts WHERE $2 = 'ai' AND id = $3 AND is_available
        UNION ALL
        SELECT 'seller', id, seller_id, price FROM seller_products WHERE $2 = 'seller' AND id = $3 AND is_available AND is_approved)
      INSERT INTO seller_orders (buyer_id, seller_id, product_type, product_id, amount, status)
      SELECT $1, p.seller_id, p.product_type, p.id, p.price, 'pending' FROM p WHERE EXISTS (SELECT 1 FROM profiles WHERE id = $1)
      RETURNING id, buyer_id, seller_id, product_type, product_id, amount, status, created_at`,
  },
  // Only when createOrder inserted nothing: why (unknown buyer, unknown product, or not listed).
  orderRefusal: {
    name: 'mp_order_refusal',
    text: `SELECT EXISTS (SELECT 1 FROM profiles WHERE id = $1) AS buyer,
        CASE WHEN $2 = 'ai' THEN EXISTS (SELECT 1 FROM ai_accounts WHERE id = $3) ELSE EXISTS (SELECT 1 FROM seller_products WHERE id = $3) END AS product`,
  },
  refreshViews: 'SELECT refresh_marketplace_views()',
} as const;
