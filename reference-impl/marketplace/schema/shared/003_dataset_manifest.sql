-- What the seeder loaded into this schema (seeders/marketplace/manifestStore.ts). One row: a schema holds one
-- dataset. status 'loading' is committed before the first destructive step, with the definitions of the keys
-- and indexes the load drops, so a load that dies midway is recognised, its keys restored, and reseeded.
CREATE TABLE IF NOT EXISTS scaleproof_dataset_manifest (
  id                  smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  generator_version   text        NOT NULL,
  seed                bigint      NOT NULL,
  parameters          jsonb       NOT NULL,
  row_counts          jsonb       NOT NULL DEFAULT '{}',
  status              text        NOT NULL CHECK (status IN ('loading', 'complete')),
  dropped_definitions jsonb,
  started_at          timestamptz NOT NULL DEFAULT now(),
  completed_at        timestamptz
);
