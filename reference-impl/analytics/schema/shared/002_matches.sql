-- Seed 000's matches (Objectives: "matching, messaging"), the same rows in both variants: one per PIN, match m
-- between PIN m and PIN (m mod users) + 1 (seeders/analytics/rows/matchRows.ts). state is what
-- POST /matches/:id/state sets; the optimized variant keeps it in Redis and persists it in batches.
CREATE TABLE IF NOT EXISTS matches (
  id          bigint PRIMARY KEY,
  pin_a       bigint NOT NULL,
  pin_b       bigint NOT NULL,
  state       text   NOT NULL DEFAULT 'active',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
