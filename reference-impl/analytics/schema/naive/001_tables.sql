-- Seed 000's "before": the same tables and columns as the optimized variant (optimized/001_tables.sql), so the
-- seeder loads the very same rows, except that pin_analytics is ONE plain table: not partitioned, its plan's
-- PRIMARY KEY (id) as written, no DEFAULT partition and (see 003) no index besides the key.
CREATE TABLE IF NOT EXISTS profiles (
  id          bigint PRIMARY KEY,
  user_id     bigint NOT NULL,
  full_name   text   NOT NULL,
  headline    text,
  email       text   NOT NULL,
  location    text,
  is_active   boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS professional_pins (
  id          bigint PRIMARY KEY,
  pin_number  text   NOT NULL,          -- public number, e.g. P0000042
  user_id     bigint NOT NULL,
  title       text   NOT NULL,
  bio         text,
  visibility  text   NOT NULL DEFAULT 'public',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS pin_experiences (
  id          bigint PRIMARY KEY,
  pin_id      bigint NOT NULL,
  company     text   NOT NULL,
  role        text   NOT NULL,
  start_date  date   NOT NULL,
  end_date    date
);

CREATE TABLE IF NOT EXISTS pin_skills (
  pin_id      bigint   NOT NULL,
  skill_name  text     NOT NULL,
  level       smallint NOT NULL,
  PRIMARY KEY (pin_id, skill_name)
);

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
