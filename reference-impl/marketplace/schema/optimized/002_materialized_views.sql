-- Seed 003 phase 2 ("Materialized Views for Hot Data"), as written, with one change: mv_hot_products orders ties
-- of sold_count by (product_type, id), so which rows make its LIMIT 100 is defined, and the naive variant's live
-- query returns the same products.
CREATE MATERIALIZED VIEW IF NOT EXISTS mv_hot_products AS
SELECT
  'ai' as product_type,
  id, name, price, icon_url, sold_count, view_count, created_at, category_id,
  NULL::bigint as seller_id, NULL::text as store_name
FROM ai_accounts
WHERE is_available = true
UNION ALL
SELECT
  'seller' as product_type,
  sp.id, sp.name, sp.price, sp.icon_url, sp.sold_count, sp.view_count, sp.created_at, sp.category_id,
  sp.seller_id, s.store_name
FROM seller_products sp
JOIN seller_profiles s ON sp.seller_id = s.id
WHERE sp.is_available = true AND sp.is_approved = true
ORDER BY sold_count DESC, product_type, id
LIMIT 100;

-- Unique index for fast refresh (REFRESH ... CONCURRENTLY needs one)
CREATE UNIQUE INDEX IF NOT EXISTS mv_hot_products_type_id ON mv_hot_products(product_type, id);

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_category_counts AS
SELECT
  c.id,
  c.name,
  c.icon,
  c.color,
  c.display_order,
  COALESCE(ai_count.cnt, 0) + COALESCE(seller_count.cnt, 0) as product_count
FROM categories c
LEFT JOIN (
  SELECT category_id, COUNT(*) as cnt
  FROM ai_accounts WHERE is_available = true GROUP BY category_id
) ai_count ON c.id = ai_count.category_id
LEFT JOIN (
  SELECT category_id, COUNT(*) as cnt
  FROM seller_products WHERE is_available = true AND is_approved = true GROUP BY category_id
) seller_count ON c.id = seller_count.category_id
WHERE c.is_active = true
ORDER BY c.display_order;

CREATE UNIQUE INDEX IF NOT EXISTS mv_category_counts_id ON mv_category_counts(id);
