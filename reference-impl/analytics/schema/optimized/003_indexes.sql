-- Secondary indexes. The seeder drops and rebuilds exactly this file's indexes around a bulk load, so every
-- secondary index lives here and nowhere else.
CREATE UNIQUE INDEX IF NOT EXISTS professional_pins_pin_number_key ON professional_pins (pin_number);
CREATE INDEX IF NOT EXISTS professional_pins_user_id_idx ON professional_pins (user_id);
CREATE UNIQUE INDEX IF NOT EXISTS profiles_user_id_key ON profiles (user_id);
CREATE UNIQUE INDEX IF NOT EXISTS profiles_email_key ON profiles (email);
-- Covering: the public PIN read gets its experiences from the index alone.
CREATE INDEX IF NOT EXISTS pin_experiences_pin_id_idx ON pin_experiences (pin_id) INCLUDE (company, role, start_date, end_date);
CREATE INDEX IF NOT EXISTS pin_skills_pin_id_name_idx ON pin_skills (pin_id, skill_name) INCLUDE (level);
-- Local (per-partition) indexes, created on the parent so every partition, present or future, gets them.
CREATE INDEX IF NOT EXISTS pin_analytics_pin_id_created_at_idx ON pin_analytics (pin_id, created_at DESC);
CREATE INDEX IF NOT EXISTS pin_analytics_event_type_idx ON pin_analytics (event_type);
CREATE INDEX IF NOT EXISTS pin_analytics_created_at_idx ON pin_analytics (created_at DESC);
-- The realtime subscription filter pin_number=eq.<value> (seed 000, Supabase Policies & RLS: "backed by an index
-- on the published column"); pin_number is stored on every row so the filter needs no join.
CREATE INDEX IF NOT EXISTS pin_analytics_pin_number_idx ON pin_analytics (pin_number);
