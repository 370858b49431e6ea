-- The plan's "before" (seed 002 stage 1: "No partitioning needed"): wallet_ledger and location_logs as plain
-- tables, with the same columns as the optimized variant's partitioned ones, so both answer with the same JSON.
CREATE TABLE IF NOT EXISTS wallet_ledger (
  id          bigint        NOT NULL DEFAULT nextval('wallet_ledger_id_seq') PRIMARY KEY,
  rider_id    bigint        NOT NULL,
  amount      numeric(12,2) NOT NULL,
  entry_type  text          NOT NULL CHECK (entry_type IN ('earning', 'incentive', 'penalty', 'withdrawal', 'adjustment')),
  order_id    bigint,
  metadata    jsonb         NOT NULL DEFAULT '{}',
  created_at  timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS location_logs (
  rider_id     bigint           NOT NULL,
  lat          double precision NOT NULL,
  lon          double precision NOT NULL,
  recorded_at  timestamptz      NOT NULL,
  created_at   timestamptz      NOT NULL DEFAULT now()
);
