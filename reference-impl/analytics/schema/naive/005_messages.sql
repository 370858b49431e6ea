-- The "before" of seed 000's messaging: the plan moves chat into KV with batched persistence; before it, each
-- message is one INSERT into one plain messages table and every page is read from it. Not partitioned (the plan
-- adds that); it has the (match_id, created_at) index any chat table is deployed with, so the gain measured
-- against it is Redis and batching, not a missing index.
CREATE TABLE IF NOT EXISTS messages (
  id          uuid   PRIMARY KEY,
  match_id    bigint NOT NULL,
  sender_pin  bigint NOT NULL,
  body        text   NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_match_created_idx ON messages (match_id, created_at DESC, id DESC);
