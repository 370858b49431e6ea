-- The naive variant is the plan's "before": the shared tables, keys and foreign-key indexes only. No
-- materialized views, no RPC functions, no extra indexes: its API aggregates rows in application code
-- and makes the dashboard's several queries one by one.
SELECT 1;
