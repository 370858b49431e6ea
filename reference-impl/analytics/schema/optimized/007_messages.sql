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

-- Its monthly partitions come from ensure_monthly_partitions('messages', ...) (002), like pin_analytics'.
