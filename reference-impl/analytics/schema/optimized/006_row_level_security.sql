-- Seed 000, Supabase Policies & RLS: "Maintain RLS on partitioned child tables (inherit via parent policies)",
-- and Risks: "RLS inheritance pitfalls: validate child partitions accept parent policies".
--
-- Who is subject to it: role pin_analytics_reader, a PIN owner reading its own analytics (Supabase's
-- `authenticated` role with auth.uid(); here the PIN id set for the transaction in app.pin_id), which is also
-- what a realtime subscriber is checked as. The analytics API itself connects as the tables' owner, like a
-- Supabase edge function with the service role: RLS is enabled but not FORCEd, so the owner is not filtered and
-- the API's writes (COPY into pin_analytics) and dashboards keep working.
--
-- The pitfall, as Postgres implements it: a query through the parent applies the parent's policies to the rows
-- of every partition; a query that names a partition directly checks that partition's own privileges and its
-- own RLS, which CREATE TABLE ... PARTITION OF and ATTACH PARTITION do not copy. A partition someone was granted
-- (Supabase grants every new table to its API roles by default) without RLS of its own shows every row. So
-- every partition, present and future (ensure_pin_analytics_partitions calls secure_pin_analytics_partition),
-- gets RLS enabled and the same policy.
-- Roles are cluster-wide: created only when missing, and a concurrent creator is tolerated.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pin_analytics_reader') THEN
    CREATE ROLE pin_analytics_reader NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'pin_analytics_reader', 'MEMBER') THEN
    EXECUTE format('GRANT pin_analytics_reader TO %I', current_user);
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- The PIN whose rows the transaction may see; NULL (no rows) when none was set.
CREATE OR REPLACE FUNCTION pin_analytics_current_pin() RETURNS bigint
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.pin_id', true), '')::bigint $$;

DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO pin_analytics_reader', current_schema());
  EXECUTE format('GRANT EXECUTE ON FUNCTION %I.pin_analytics_current_pin() TO pin_analytics_reader', current_schema());
END $$;
-- Through the parent only; partitions are not granted (a direct query is then refused outright).
GRANT SELECT ON pin_analytics TO pin_analytics_reader;

-- RLS and the owner-read policy on one relation (the parent or a partition); idempotent.
CREATE OR REPLACE FUNCTION secure_pin_analytics_partition(rel text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', rel);
  IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = to_regclass(rel) AND polname = 'pin_owner_reads') THEN
    EXECUTE format('CREATE POLICY pin_owner_reads ON %I FOR SELECT TO pin_analytics_reader USING (pin_id = pin_analytics_current_pin())', rel);
  END IF;
END $$;

SELECT secure_pin_analytics_partition('pin_analytics');
SELECT secure_pin_analytics_partition(c.relname)
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
 WHERE i.inhparent = 'pin_analytics'::regclass;
