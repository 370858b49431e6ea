/*
 * The relational variants' SQL (seed 004 Phase 1.3 "After": one query per read). Unqualified names resolve in
 * the variant's schema. Indexes each one uses are checked with EXPLAIN in test/catalog/explainIndexes.test.ts.
 *
 * One text per statement, for both ways of isolating tenants (TenantIsolation):
 * - 'rls' (optimized, Phase 4): no statement names the tenant; the transaction's row-level security context
 *   decides the rows (tenantSql.ts);
 * - 'where' (phase1, phase2: before Phase 4): the application's WHERE does, with the same predicates as the RLS
 *   policies (schema/rls/001_row_level_security.sql); `$T` is the tenant, inlined by tenantSql.ts.
 */

export type TenantIsolation = 'rls' | 'where';

const LIST_COLUMNS = 'p.id, p.sku, p.name, p.category, p.brand, p.price, p.currency';

export function catalogSql(isolation: TenantIsolation) {
  /** The policy's predicate as an application filter, only where RLS is not what isolates. */
  const own = (predicate: string) => (isolation === 'where' ? ` AND ${predicate}` : '');
  const ownedProduct = (p: string) => own(`${p}catalog_id IN (SELECT c.id FROM catalogs c WHERE c.owner_id = $T)`);

  /** A page of the site's catalog minus the site's exclusions, active products in name order. */
  const productsPage = (category: boolean) => `SELECT s.catalog_id, ${LIST_COLUMNS}
  FROM sites s
  LEFT JOIN LATERAL (
    SELECT ${LIST_COLUMNS} FROM products p
     WHERE p.catalog_id = s.catalog_id AND p.is_active${category ? ' AND p.category = $4' : ''}${ownedProduct('p.')}
       AND NOT EXISTS (SELECT 1 FROM site_product_exclusions e WHERE e.site_id = s.id AND e.product_id = p.id)
     ORDER BY p.name, p.id
     LIMIT $2 OFFSET $3) p ON true
 WHERE s.id = $1${own('s.client_id = $T')}
 ORDER BY p.name, p.id`;

  return {
    productsPage: productsPage(false),
    productsPageInCategory: productsPage(true),
    product: `SELECT id, catalog_id, sku, name, description, category, brand, price, currency, inventory_count, is_active FROM products WHERE id = $1${ownedProduct('')}`,
    // Under RLS no WHERE: the policy leaves the tenant's catalogs (owner_id), through idx_catalogs_owner_id.
    catalogs: `SELECT id, name, type, source, status, created_at FROM catalogs${isolation === 'where' ? ' WHERE owner_id = $T' : ''} ORDER BY name, id`,
    order: `SELECT id, order_number, client_id, site_id, customer_name, customer_email, status, total_amount, currency, items, created_at FROM orders WHERE id = $1${own('client_id = $T')}`,
    // Plan 1.3's client orders report, per status (the plan's three figures follow from it).
    report: `SELECT status, count(*)::int AS orders, sum(total_amount)::text AS revenue
  FROM orders WHERE client_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY status`,
    clientExists: `SELECT 1 FROM clients WHERE id = $1`,
    createOrder: createOrder(own, ownedProduct),
  };
}

/**
 * POST /sites/:siteId/orders as ONE statement: it validates the items against the site's catalog, exclusions
 * and inventory (locking those rows), and only when the site exists and every line can be served does it take
 * the stock and insert the order with its items and total; otherwise it changes nothing. The one row it
 * returns says which: `sites` 0 (404), `inserted` 0 (422, `available` lists the lines it could serve).
 * A concurrent order for the same product waits for the lock, and the inventory check is re-evaluated on the
 * row it then sees (READ COMMITTED's recheck), so stock never goes below zero (the CHECK would refuse it anyway).
 * $1 site, $2 items as jsonb [{product_id, qty}], $3 order id, $4 client, $5 order number, $6 name, $7 email, $8 created_at.
 */
function createOrder(own: (p: string) => string, ownedProduct: (p: string) => string): string {
  return `WITH site AS (
  SELECT s.catalog_id FROM sites s WHERE s.id = $1::uuid${own('s.client_id = $T')}
), req AS (
  SELECT r.product_id, r.qty, r.n FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (product_id uuid, qty int)) WITH ORDINALITY AS r(product_id, qty, n)
), available AS (
  SELECT p.id, p.sku, p.name, p.price, r.qty, r.n
    FROM req r JOIN products p ON p.id = r.product_id
   WHERE p.catalog_id = (SELECT catalog_id FROM site) AND p.is_active AND p.inventory_count >= r.qty${ownedProduct('p.')}
     AND NOT EXISTS (SELECT 1 FROM site_product_exclusions e WHERE e.site_id = $1::uuid AND e.product_id = p.id)
     FOR UPDATE OF p
), decision AS (
  SELECT EXISTS (SELECT 1 FROM site) AND (SELECT count(*) FROM available) = (SELECT count(*) FROM req) AS ok
), reserved AS (
  UPDATE products p SET inventory_count = p.inventory_count - a.qty, updated_at = now()
    FROM available a WHERE p.id = a.id AND (SELECT ok FROM decision)
  RETURNING p.id
), inserted AS (
  INSERT INTO orders (id, client_id, site_id, order_number, customer_name, customer_email, status, total_amount, currency, items, created_at)
  SELECT $3::uuid, $4::uuid, $1::uuid, $5, $6, $7, 'pending', sum(a.qty * a.price), 'USD',
         jsonb_agg(jsonb_build_object('product_id', a.id, 'sku', a.sku, 'name', a.name, 'qty', a.qty, 'unit_price', a.price::text) ORDER BY a.n), $8::timestamptz
    FROM available a
  HAVING (SELECT ok FROM decision)
  RETURNING id
)
SELECT (SELECT count(*) FROM site)::int AS sites, (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM reserved)::int AS reserved,
       a.id, a.sku, a.name, a.price::text AS price
  FROM (SELECT 1) one LEFT JOIN available a ON true
 ORDER BY a.n`;
}

/** The optimized variant's statements (row-level security isolates tenants). */
export const sql = catalogSql('rls');
