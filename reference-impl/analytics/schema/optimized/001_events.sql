-- The optimized variant's pin_analytics (seed 000, Data Partitioning); the other tables are in ../shared/.
-- Hot time-series writes, RANGE-partitioned by month. A partitioned table's primary key must contain the
-- partition key, so the plan's PRIMARY KEY (id) becomes (id, created_at); ids still come from one sequence.
CREATE SEQUENCE IF NOT EXISTS pin_analytics_id_seq AS bigint;
CREATE TABLE IF NOT EXISTS pin_analytics (
  id          bigint NOT NULL DEFAULT nextval('pin_analytics_id_seq'),
  pin_id      bigint NOT NULL,
  pin_number  text   NOT NULL,          -- stored on each row so realtime filters need no join (seed 000)
  event_type  text   NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
ALTER SEQUENCE pin_analytics_id_seq OWNED BY pin_analytics.id;

-- Catch-all, so a missing month never fails an insert (seed 000, Risks); it should stay empty.
CREATE TABLE IF NOT EXISTS pin_analytics_default PARTITION OF pin_analytics DEFAULT;
