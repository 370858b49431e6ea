/*
 * The optimized variant's SQL (seed 004 Phase 1.3 "After": one query per read). None names the tenant: the
 * transaction's RLS context does (withTenant.ts). Unqualified names resolve in the variant's schema.
 * Indexes each one uses are checked with EXPLAIN in test/catalog/explainIndexes.test.ts.
 */

const LIST_COLUMNS = 'p.id, p.sku, p.name, p.category, p.brand, p.price, p.currency';

/** A page of the site's catalog minus the site's exclusions, active products in name order. */
function productsPage(category: boolean): string {
  return `SELECT s.catalog_id, ${LIST_COLUMNS}
  FROM sites s
  LEFT JOIN LATERAL (
    SELECT ${LIST_COLUMNS} FROM products p
     WHERE p.catalog_id = s.catalog_id AND p.is_active${category ? ' AND p.category = $4' : ''}
       AND NOT EXISTS (SELECT 1 FROM site_product_exclusions e WHERE e.site_id = s.id AND e.product_id = p.id)
     ORDER BY p.name, p.id
     LIMIT $2 OFFSET $3) p ON true
 WHERE s.id = $1
 ORDER BY p.name, p.id`;
}

export const sql = {
  productsPage: productsPage(false),
  productsPageInCategory: productsPage(true),
  product: `SELECT id, catalog_id, sku, name, description, category, brand, price, currency, inventory_count, is_active FROM products WHERE id = $1`,
  // No WHERE: row-level security leaves the tenant's catalogs (owner_id), through idx_catalogs_owner_id.
  catalogs: `SELECT id, name, type, source, status, created_at FROM catalogs ORDER BY name, id`,
  order: `SELECT id, order_number, client_id, site_id, customer_name, customer_email, status, total_amount, currency, items, created_at FROM orders WHERE id = $1`,
  // Plan 1.3's client orders report, per status (the plan's three figures follow from it).
  report: `SELECT status, count(*)::int AS orders, sum(total_amount)::text AS revenue
  FROM orders WHERE client_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY status`,
  clientExists: `SELECT 1 FROM clients WHERE id = $1`,
  orderSite: `SELECT catalog_id FROM sites WHERE id = $1`,
  // Validates the items against the site's catalog, exclusions and inventory, and takes the stock, in one
  // statement; a line it cannot take is missing from RETURNING and the order is refused (rolled back).
  reserveItems: `UPDATE products p SET inventory_count = p.inventory_count - r.qty, updated_at = now()
  FROM jsonb_to_recordset($2::jsonb) AS r(product_id uuid, qty int)
 WHERE p.id = r.product_id AND p.catalog_id = $1 AND p.is_active AND p.inventory_count >= r.qty
   AND NOT EXISTS (SELECT 1 FROM site_product_exclusions e WHERE e.site_id = $3 AND e.product_id = p.id)
RETURNING p.id, p.sku, p.name, p.price`,
  insertOrder: `INSERT INTO orders (id, client_id, site_id, order_number, customer_name, customer_email, status, total_amount, currency, items, created_at)
VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, 'USD', $8, $9)`,
};
