-- Seed 003 phase 2's refresh function, both views CONCURRENTLY (reads continue during a refresh). The plan has
-- no pg_cron ("pg_cron not available"): the API process calls it every 5 minutes (marketplaceEnv.ts), never
-- overlapping itself. SET search_path FROM CURRENT pins the variant's schema (the migration's search_path), as a
-- SECURITY DEFINER function should not resolve names through its caller's path.
CREATE OR REPLACE FUNCTION refresh_marketplace_views()
RETURNS void AS $$
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY mv_hot_products;
  REFRESH MATERIALIZED VIEW CONCURRENTLY mv_category_counts;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT;
