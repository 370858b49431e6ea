-- The plan's REFERENCES, as named constraints added only when missing: the seeder drops them for a bulk load
-- (seeders/catalog/loadConstraints.ts) and re-runs the migrations to restore them.
DO $$
DECLARE
  fk record;
BEGIN
  FOR fk IN SELECT * FROM (VALUES
    ('sites', 'sites_client_id_fkey', 'FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE'),
    ('sites', 'sites_catalog_id_fkey', 'FOREIGN KEY (catalog_id) REFERENCES catalogs(id)'),
    ('catalogs', 'catalogs_owner_id_fkey', 'FOREIGN KEY (owner_id) REFERENCES clients(id)'),
    ('products', 'products_catalog_id_fkey', 'FOREIGN KEY (catalog_id) REFERENCES catalogs(id) ON DELETE CASCADE'),
    ('orders', 'orders_client_id_fkey', 'FOREIGN KEY (client_id) REFERENCES clients(id)'),
    ('orders', 'orders_site_id_fkey', 'FOREIGN KEY (site_id) REFERENCES sites(id)'),
    ('site_product_exclusions', 'site_product_exclusions_site_id_fkey', 'FOREIGN KEY (site_id) REFERENCES sites(id) ON DELETE CASCADE'),
    ('site_product_exclusions', 'site_product_exclusions_product_id_fkey', 'FOREIGN KEY (product_id) REFERENCES products(id) ON DELETE CASCADE'),
    ('analytics_events', 'analytics_events_client_id_fkey', 'FOREIGN KEY (client_id) REFERENCES clients(id)')
  ) AS t(tbl, name, def) LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = fk.name AND conrelid = to_regclass(fk.tbl)) THEN
      EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', fk.tbl, fk.name, fk.def);
    END IF;
  END LOOP;
END $$;
