-- Seed 000's "before": pin_analytics as ONE plain table with the plan's PRIMARY KEY (id) as written, not
-- partitioned, no DEFAULT partition and (see 003) no index besides the key; the other tables are in ../shared/.
-- Every event in one heap: each insert contends on it, and a dashboard scans it (no pruning, no rollup).
-- The sequence has the optimized variant's name, so the seeder moves it past the loaded ids the same way.
CREATE SEQUENCE IF NOT EXISTS pin_analytics_id_seq AS bigint;
CREATE TABLE IF NOT EXISTS pin_analytics (
  id          bigint NOT NULL DEFAULT nextval('pin_analytics_id_seq') PRIMARY KEY,
  pin_id      bigint NOT NULL,
  pin_number  text   NOT NULL,
  event_type  text   NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
ALTER SEQUENCE pin_analytics_id_seq OWNED BY pin_analytics.id;
