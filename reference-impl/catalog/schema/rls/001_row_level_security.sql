-- Seed 004 Phase 4, strategy 3 "Row-Level Security": every tenant table filters rows by the tenant the API
-- set for the transaction (set_config('app.client_id', $1, true)), whatever the query's WHERE says. The API
-- runs its statements as role catalog_api (set_config('role', 'catalog_api', true), PostgREST-style): not a
-- superuser, not the owner, NOBYPASSRLS, and FORCE is on as well, so the owner is filtered too.
-- Roles are cluster-wide: created only when missing, and a concurrent creator (another database migrating at
-- the same moment) is tolerated.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'catalog_api') THEN
    CREATE ROLE catalog_api NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$
BEGIN
  -- The connecting user must be able to switch to it (a superuser always can).
  IF NOT pg_has_role(current_user, 'catalog_api', 'MEMBER') THEN
    EXECUTE format('GRANT catalog_api TO %I', current_user);
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- The tenant of the current transaction; NULL (no rows anywhere) when none was set.
CREATE OR REPLACE FUNCTION catalog_current_client() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.client_id', true), '')::uuid $$;

DO $$
DECLARE
  s text := current_schema();
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO catalog_api', s);
  EXECUTE format('GRANT EXECUTE ON FUNCTION %I.catalog_current_client() TO catalog_api', s);
  EXECUTE format('GRANT SELECT ON clients, sites, catalogs, products, site_product_exclusions, orders, analytics_events TO catalog_api');
  EXECUTE format('GRANT INSERT ON orders, analytics_events TO catalog_api');
  EXECUTE format('GRANT UPDATE (inventory_count, updated_at) ON products TO catalog_api');
END $$;

ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE clients FORCE ROW LEVEL SECURITY;
ALTER TABLE sites ENABLE ROW LEVEL SECURITY;
ALTER TABLE sites FORCE ROW LEVEL SECURITY;
ALTER TABLE catalogs ENABLE ROW LEVEL SECURITY;
ALTER TABLE catalogs FORCE ROW LEVEL SECURITY;
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
ALTER TABLE products FORCE ROW LEVEL SECURITY;
ALTER TABLE site_product_exclusions ENABLE ROW LEVEL SECURITY;
ALTER TABLE site_product_exclusions FORCE ROW LEVEL SECURITY;
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE orders FORCE ROW LEVEL SECURITY;
ALTER TABLE analytics_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_events FORCE ROW LEVEL SECURITY;

-- One policy per table for every command: USING filters reads, updates and deletes, WITH CHECK (the same
-- expression by default) refuses writing a row of another tenant.
DROP POLICY IF EXISTS tenant_clients ON clients;
CREATE POLICY tenant_clients ON clients USING (id = catalog_current_client());
DROP POLICY IF EXISTS tenant_sites ON sites;
CREATE POLICY tenant_sites ON sites USING (client_id = catalog_current_client());
DROP POLICY IF EXISTS tenant_catalogs ON catalogs;
CREATE POLICY tenant_catalogs ON catalogs USING (owner_id = catalog_current_client());
-- The plan's client_users_own_products: products of the catalogs the tenant owns.
DROP POLICY IF EXISTS tenant_products ON products;
CREATE POLICY tenant_products ON products USING (catalog_id IN (SELECT c.id FROM catalogs c WHERE c.owner_id = catalog_current_client()));
DROP POLICY IF EXISTS tenant_exclusions ON site_product_exclusions;
CREATE POLICY tenant_exclusions ON site_product_exclusions USING (site_id IN (SELECT s.id FROM sites s WHERE s.client_id = catalog_current_client()));
DROP POLICY IF EXISTS tenant_orders ON orders;
CREATE POLICY tenant_orders ON orders USING (client_id = catalog_current_client());
DROP POLICY IF EXISTS tenant_events ON analytics_events;
CREATE POLICY tenant_events ON analytics_events USING (client_id = catalog_current_client());
