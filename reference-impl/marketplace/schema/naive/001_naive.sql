-- The naive variant is seed 003's "before": the shared tables, keys and route indexes only. No phase-1 indexes,
-- no materialized views, no refresh function: its BFF makes four to five queries per request against the tables.
SELECT 1;
