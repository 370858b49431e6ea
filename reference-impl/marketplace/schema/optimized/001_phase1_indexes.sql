-- Seed 003 phase 1 ("Database Performance Indexes"), partial and covering as written. The plan creates them
-- CONCURRENTLY (zero downtime on a live table); migrations here run in a transaction, where CONCURRENTLY is not
-- allowed, and on tables the seeder fills afterwards, so the keyword is dropped. The plan claims seven indexes
-- and writes these five (see shared/002_route_indexes.sql).
CREATE INDEX IF NOT EXISTS idx_ai_accounts_available_category
ON ai_accounts(category_id, sold_count DESC) WHERE is_available = true;

CREATE INDEX IF NOT EXISTS idx_seller_products_available_approved
ON seller_products(category_id, sold_count DESC)
WHERE is_available = true AND is_approved = true;

CREATE INDEX IF NOT EXISTS idx_seller_orders_seller_status
ON seller_orders(seller_id, status, created_at DESC);

CREATE INDEX IF NOT EXISTS idx_search_history_user_recent
ON search_history(user_id, created_at DESC);

-- Covering index for popular searches (avoid table lookup)
CREATE INDEX IF NOT EXISTS idx_popular_searches_ranking
ON popular_searches(search_count DESC)
INCLUDE (query, is_trending);
