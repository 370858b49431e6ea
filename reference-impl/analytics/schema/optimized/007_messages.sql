-- Seed 000, messaging & matches: "Batched Postgres persistence via cron/worker every N minutes; separate table
-- partitions by created_at for messages". Messages are written by the flush worker (messaging/flushChat.ts),
-- never by a request; id is the uuid the API gave the message when it acknowledged it, so a flush retried after
-- a commit whose acknowledgement was lost inserts nothing twice (ON CONFLICT on the key).
CREATE TABLE IF NOT EXISTS messages (
  id          uuid   NOT NULL,
  match_id    bigint NOT NULL,
  sender_pin  bigint NOT NULL,
  body        text   NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE IF NOT EXISTS messages_default PARTITION OF messages DEFAULT;
-- Older pages of one match: newest first, (created_at, id) is the page order.
CREATE INDEX IF NOT EXISTS messages_match_created_idx ON messages (match_id, created_at DESC, id DESC);

-- pin_analytics' monthly partition upkeep (002) for any table RANGE-partitioned by created_at with a
-- <parent>_default partition: partitions <parent>_yYYYYmMM for `months_back` past months, the month of at_ts and
-- `months_ahead` more; rows parked in DEFAULT for a new month are moved into it. Returns the names it created.
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
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', part, part || '_range');
    RETURN NEXT part;
  END LOOP;
END $$;
