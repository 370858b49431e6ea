-- Seed 004 "What You Have Now": one key-value table for everything (kv_store_6fcaeea3), keys such as
-- clients:all, client:<id>, sites:all, site:<id>, catalogs:all, catalog:<id>, gifts:all, gift:<id>,
-- orders:all, order:<id>. The plan's diagram says "NO INDEXES on 'key'", but its own DDL declares key the
-- PRIMARY KEY (so a unique btree exists); we keep the DDL: the N+1 pattern, not a missing index, is the cost.
CREATE TABLE IF NOT EXISTS kv_store (
  key   text  NOT NULL PRIMARY KEY,
  value jsonb NOT NULL
);
