-- Daily attendance, RANGE-partitioned by month on `date` (plan 2.4). A partitioned table's unique keys must
-- contain the partition key, so the natural key (student_id, date) is the primary key (no surrogate id:
-- an API marks attendance with INSERT ... ON CONFLICT (student_id, date)).
CREATE TABLE IF NOT EXISTS attendance (
  student_id         bigint      NOT NULL REFERENCES student (id),
  class_instance_id  bigint      NOT NULL REFERENCES class_instances (id),
  date               date        NOT NULL,
  status             text        NOT NULL CHECK (status IN ('present', 'absent', 'late')),
  marked_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (student_id, date)
) PARTITION BY RANGE (date);

-- Catch-all, so a missing month never fails an insert; it should stay empty.
CREATE TABLE IF NOT EXISTS attendance_default PARTITION OF attendance DEFAULT;

-- Monthly partitions attendance_yYYYYmMM from `months_back` months before at_date's month to `months_ahead`
-- months after it (the plan creates 12 ahead; the API keeps current + 6). Rows already parked in DEFAULT
-- for a new month are moved into it first, since ATTACH would otherwise fail. Returns the names created.
CREATE OR REPLACE FUNCTION ensure_attendance_partitions(months_ahead int DEFAULT 6, months_back int DEFAULT 0, at_date date DEFAULT CURRENT_DATE)
RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  first_month date := date_trunc('month', at_date)::date;
  lo date;
  hi date;
  part text;
BEGIN
  FOR i IN -months_back .. months_ahead LOOP
    lo := (first_month + make_interval(months => i))::date;
    hi := (first_month + make_interval(months => i + 1))::date;
    part := format('attendance_y%sm%s', to_char(lo, 'YYYY'), to_char(lo, 'MM'));
    CONTINUE WHEN to_regclass(part) IS NOT NULL;
    EXECUTE format('CREATE TABLE %I (LIKE attendance INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (date >= %L AND date < %L)', part, part || '_range', lo, hi);
    EXECUTE format('WITH moved AS (DELETE FROM attendance_default WHERE date >= %L AND date < %L RETURNING *) INSERT INTO %I SELECT * FROM moved', lo, hi, part);
    EXECUTE format('ALTER TABLE attendance ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    -- The CHECK only served to skip ATTACH's validation scan.
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', part, part || '_range');
    RETURN NEXT part;
  END LOOP;
END $$;

-- The current month and the next six exist from the first migration on, so API writes never land in DEFAULT.
SELECT ensure_attendance_partitions(6, 0);
