-- Seed 000's tables. Users are bigint ids (Supabase's auth.users is out of scope). Foreign keys are left
-- out on purpose: the seeder bulk-loads with COPY and the plan names no constraint; see README Limitations.
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
  PRIMARY KEY (pin_id, skill_name)      -- doubles as seed 000's (pin_id, skill_name) covering index
);

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
