-- Indexes both variants need to answer their routes at all, so naive vs optimized measures the plan's changes
-- (phase 1's indexes, phase 2's views, phase 3's BFF) and not a missing search index:
-- a store's products by seller, and word search over product names (full text, 'simple' configuration).
-- Seed 003's status table claims "7 targeted indexes" for phase 1 but its SQL writes five; those five are in
-- optimized/001_phase1_indexes.sql, and these three are ours, not the plan's.
CREATE INDEX IF NOT EXISTS idx_seller_products_seller ON seller_products (seller_id);
CREATE INDEX IF NOT EXISTS idx_seller_products_name_search ON seller_products USING gin (to_tsvector('simple', name));
CREATE INDEX IF NOT EXISTS idx_ai_accounts_name_search ON ai_accounts USING gin (to_tsvector('simple', name));
