-- Secondary indexes of the "before". The seeder drops and rebuilds exactly this file's indexes around a bulk
-- load, as for the optimized variant (optimized/003_indexes.sql).
--
-- Seed 000 says what the before already has ("professional_pins(pin_number) unique and user_id index already
-- present"); where it only says "verify and add" / "ensure" (profiles(user_id), pin_experiences(pin_id)), the
-- before is given the plain index, so the gain measured against it is not inflated by lookups no real
-- deployment would run without an index. What the plan adds stays out: the covering INCLUDE columns, and every
-- pin_analytics index ("(pin_id, created_at DESC)", "(event_type)", "(created_at DESC)"): the events table has
-- only its primary key.
CREATE UNIQUE INDEX IF NOT EXISTS professional_pins_pin_number_key ON professional_pins (pin_number);
CREATE INDEX IF NOT EXISTS professional_pins_user_id_idx ON professional_pins (user_id);
CREATE INDEX IF NOT EXISTS profiles_user_id_idx ON profiles (user_id);
CREATE INDEX IF NOT EXISTS pin_experiences_pin_id_idx ON pin_experiences (pin_id);
