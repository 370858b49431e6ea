-- Seed 002 "Partitioning Strategy", as written: wallet_ledger HASH-partitioned by rider_id (4 partitions,
-- "add more partitions as volume grows (8, 16, 32)") and location_logs RANGE-partitioned by month with the
-- plan's create_location_logs_partition(date).

CREATE TABLE IF NOT EXISTS wallet_ledger (
  id          bigint        NOT NULL DEFAULT nextval('wallet_ledger_id_seq'),
  rider_id    bigint        NOT NULL,
  amount      numeric(12,2) NOT NULL,             -- credits positive, debits (penalty, withdrawal) negative
  entry_type  text          NOT NULL CHECK (entry_type IN ('earning', 'incentive', 'penalty', 'withdrawal', 'adjustment')),
  order_id    bigint,
  metadata    jsonb         NOT NULL DEFAULT '{}',
  created_at  timestamptz   NOT NULL DEFAULT now(),
  PRIMARY KEY (id, rider_id)                      -- a partitioned table's key must hold the partition key
) PARTITION BY HASH (rider_id);

-- (Re)makes wallet_ledger's hash partitions: wallet_ledger_0 .. wallet_ledger_<modulus-1>. A count that is
-- already in place is left alone; changing it is only allowed while the ledger is empty (the seeder calls this
-- after its TRUNCATE), since rows would have to move between partitions.
CREATE OR REPLACE FUNCTION ensure_wallet_ledger_partitions(modulus int) RETURNS int AS $$
DECLARE
  existing int;
  part record;
BEGIN
  IF modulus < 1 OR modulus > 1024 THEN
    RAISE EXCEPTION 'wallet_ledger partitions must be 1..1024, got %', modulus;
  END IF;
  SELECT count(*) INTO existing FROM pg_inherits WHERE inhparent = 'wallet_ledger'::regclass;
  IF existing = modulus THEN RETURN modulus; END IF;
  IF EXISTS (SELECT 1 FROM wallet_ledger LIMIT 1) THEN
    RAISE EXCEPTION 'wallet_ledger holds rows in % partitions; reseed to change the count to %', existing, modulus;
  END IF;
  FOR part IN SELECT inhrelid::regclass AS rel FROM pg_inherits WHERE inhparent = 'wallet_ledger'::regclass LOOP
    EXECUTE format('DROP TABLE %s', part.rel);
  END LOOP;
  FOR r IN 0 .. modulus - 1 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF wallet_ledger FOR VALUES WITH (MODULUS %s, REMAINDER %s)', 'wallet_ledger_' || r, modulus, r);
  END LOOP;
  RETURN modulus;
END;
$$ LANGUAGE plpgsql;

SELECT ensure_wallet_ledger_partitions(4) WHERE NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhparent = 'wallet_ledger'::regclass);

-- created_at is the moment the API accepted the point (the partition key); recorded_at is the device's ts.
-- Partitioning on the server's clock means no client timestamp can miss every partition and fail a batch.
CREATE TABLE IF NOT EXISTS location_logs (
  rider_id     bigint           NOT NULL,
  lat          double precision NOT NULL,
  lon          double precision NOT NULL,
  recorded_at  timestamptz      NOT NULL,
  created_at   timestamptz      NOT NULL DEFAULT now()
) PARTITION BY RANGE (created_at);

-- The plan's function, as written (location_logs_yYYYYmMM for the month holding month_date).
CREATE OR REPLACE FUNCTION create_location_logs_partition(month_date DATE)
RETURNS VOID AS $$
DECLARE
  partition_name TEXT;
  start_date DATE;
  end_date DATE;
BEGIN
  start_date := date_trunc('month', month_date);
  end_date := start_date + INTERVAL '1 month';
  partition_name := 'location_logs_y' || to_char(start_date, 'YYYY') ||
                    'm' || lpad(to_char(start_date, 'MM'), 2, '0');

  EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF location_logs
                  FOR VALUES FROM (%L) TO (%L)',
                  partition_name, start_date, end_date);
END;
$$ LANGUAGE plpgsql;

-- The plan's archival ("archive partitions older than 6 months"), generalised from its one-month version to
-- every month partition that ends on or before as_of - keep_months (so a missed month is not left behind).
-- The export to cold storage is out of scope (the plan: "implementation depends on your storage"). Returns the
-- partitions it dropped, oldest first.
CREATE OR REPLACE FUNCTION archive_old_location_logs(keep_months int DEFAULT 6, as_of date DEFAULT current_date)
RETURNS SETOF text AS $$
DECLARE
  part record;
  cutoff date := as_of - make_interval(months => keep_months);
BEGIN
  FOR part IN
    SELECT c.relname AS name, to_date(substr(c.relname, 16, 4) || substr(c.relname, 21, 2), 'YYYYMM') AS month_start
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'location_logs'::regclass AND c.relname ~ '^location_logs_y\d{4}m\d{2}$'
     ORDER BY 2
  LOOP
    IF (part.month_start + INTERVAL '1 month')::date <= cutoff THEN
      EXECUTE format('DROP TABLE IF EXISTS %I', part.name);
      RETURN NEXT part.name;
    END IF;
  END LOOP;
END;
$$ LANGUAGE plpgsql;
