-- What the seeder loaded into this schema (seeders/riders/manifestStore.ts). One row: a schema holds one
-- dataset. 'loading' is committed before the first destructive step, so a load that dies midway is
-- recognised and reseeded from scratch; 'complete' only after row counts were verified.
CREATE TABLE IF NOT EXISTS scaleproof_dataset_manifest (
  id                smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  generator_version text        NOT NULL,
  seed              bigint      NOT NULL,
  parameters        jsonb       NOT NULL,
  row_counts        jsonb       NOT NULL DEFAULT '{}',
  status            text        NOT NULL CHECK (status IN ('loading', 'complete')),
  started_at        timestamptz NOT NULL DEFAULT now(),
  completed_at      timestamptz
);
