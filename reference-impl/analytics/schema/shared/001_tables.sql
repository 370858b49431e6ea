-- Seed 000's tables shared by both variants (the rows are the same; only pin_analytics differs, in each
-- variant's 001_events.sql). Users are bigint ids (Supabase's auth.users is out of scope). Foreign keys are left
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
