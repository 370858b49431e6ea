-- Partition maintenance: monthly partitions named pin_analytics_yYYYYmMM.

-- Monthly partition upkeep for any table RANGE-partitioned by created_at with a <parent>_default partition
-- (pin_analytics here, messages in 007): partitions <parent>_yYYYYmMM for `months_back` past months, the month
-- of at_ts and `months_ahead` more. Rows already parked in DEFAULT for a new month are moved into it, since ATTACH
-- would otherwise fail. Returns the names it created.
CREATE OR REPLACE FUNCTION ensure_monthly_partitions(parent text, months_ahead int DEFAULT 6, months_back int DEFAULT 0, at_ts timestamptz DEFAULT now())
RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  first_month timestamptz := date_trunc('month', at_ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  lo timestamptz;
  hi timestamptz;
  part text;
BEGIN
  FOR i IN -months_back .. months_ahead LOOP
    lo := ((first_month AT TIME ZONE 'UTC') + make_interval(months => i)) AT TIME ZONE 'UTC';
    hi := ((first_month AT TIME ZONE 'UTC') + make_interval(months => i + 1)) AT TIME ZONE 'UTC';
    part := format('%s_y%sm%s', parent, to_char(lo AT TIME ZONE 'UTC', 'YYYY'), to_char(lo AT TIME ZONE 'UTC', 'MM'));
    CONTINUE WHEN to_regclass(part) IS NOT NULL;
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS)', part, parent);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (created_at >= %L AND created_at < %L)', part, part || '_range', lo, hi);
    EXECUTE format('WITH moved AS (DELETE FROM %I WHERE created_at >= %L AND created_at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved', parent || '_default', lo, hi, part);
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, lo, hi);
    -- The CHECK only served to skip ATTACH's validation scan.
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', part, part || '_range');
    RETURN NEXT part;
  END LOOP;
END $$;

-- pin_analytics' partitions for the current month (of now(), not of the newest data), `months_ahead` more and
-- `months_back` past months (the seeder's history). ATTACH copies no row-level security, so each new month gets
-- the parent's policy itself (006). Returns the names it created.
CREATE OR REPLACE FUNCTION ensure_pin_analytics_partitions(months_ahead int DEFAULT 6, months_back int DEFAULT 0, at_ts timestamptz DEFAULT now())
RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  part text;
BEGIN
  FOR part IN SELECT ensure_monthly_partitions('pin_analytics', months_ahead, months_back, at_ts) LOOP
    PERFORM secure_pin_analytics_partition(part);
    RETURN NEXT part;
  END LOOP;
END $$;

-- Retention: drops monthly partitions whose every row is older than `keep_months` months before at_ts.
-- Returns the names it dropped.
CREATE OR REPLACE FUNCTION drop_old_pin_analytics_partitions(keep_months int DEFAULT 12, at_ts timestamptz DEFAULT now())
RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  r record;
  upper_bound timestamptz;
BEGIN
  FOR r IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'pin_analytics'::regclass AND c.relname ~ '^pin_analytics_y[0-9]{4}m[0-9]{2}$'
    ORDER BY c.relname
  LOOP
    upper_bound := (make_timestamp(substr(r.relname, 16, 4)::int, substr(r.relname, 21, 2)::int, 1, 0, 0, 0) + interval '1 month') AT TIME ZONE 'UTC';
    IF upper_bound <= at_ts - make_interval(months => keep_months) THEN
      EXECUTE format('DROP TABLE %I', r.relname);
      RETURN NEXT r.relname;
    END IF;
  END LOOP;
END $$;

-- Partition health for /health and the seeder's report: is the current month there, how far ahead do we
-- reach, and how many rows sit in DEFAULT (should be 0).
CREATE OR REPLACE FUNCTION pin_analytics_partition_health(at_ts timestamptz DEFAULT now())
RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'current_month_present', to_regclass(format('pin_analytics_y%sm%s', to_char(at_ts AT TIME ZONE 'UTC', 'YYYY'), to_char(at_ts AT TIME ZONE 'UTC', 'MM'))) IS NOT NULL,
    'partitions', (SELECT count(*) FROM pg_inherits WHERE inhparent = 'pin_analytics'::regclass),
    'default_rows', (SELECT count(*) FROM pin_analytics_default)
  )
$$;
