-- The load generator's write id (x-scaleproof-write-id), NULL for everything else: it lets a run check that
-- every event answered 2xx is stored, exactly (harness acked-write check). A NULL costs no space in the row.
ALTER TABLE pin_analytics ADD COLUMN IF NOT EXISTS write_id bigint;
