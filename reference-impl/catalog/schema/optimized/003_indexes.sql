-- Only the indexes this API's queries use (test/catalog/explainIndexes.test.ts checks each with EXPLAIN); the
-- plan's other single-column indexes (status, brand, price, is_active, created_at, ...) serve queries this
-- workload does not make, so they are left out. Keys and UNIQUE constraints (products (catalog_id, sku),
-- orders.order_number, exclusions (site_id, product_id)) come with the tables.
-- The site's product list: WHERE catalog_id = $1 AND is_active ORDER BY name, id LIMIT (plan 1.3 "After").
CREATE INDEX IF NOT EXISTS idx_products_catalog_name ON products (catalog_id, name, id) WHERE is_active;
-- The same list filtered by category (plan: idx_products_category, here composite so it serves the order too).
CREATE INDEX IF NOT EXISTS idx_products_catalog_category_name ON products (catalog_id, category, name, id) WHERE is_active;
-- GET /catalogs under RLS (owner_id = the tenant), the plan's idx_catalogs_owner_id.
CREATE INDEX IF NOT EXISTS idx_catalogs_owner_id ON catalogs (owner_id);
-- The monthly report: WHERE client_id = $1 AND created_at in the month (the plan's idx_orders_client_created).
CREATE INDEX IF NOT EXISTS idx_orders_client_created ON orders (client_id, created_at DESC);
-- RLS on site_product_exclusions and the tenant's sites (the plan's idx_sites_client_id).
CREATE INDEX IF NOT EXISTS idx_sites_client_id ON sites (client_id);
