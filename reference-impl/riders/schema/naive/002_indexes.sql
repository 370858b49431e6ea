-- Seed 002 "Critical Indexes (Already Implemented)" on the naive variant's plain ledger and location tables;
-- none of the "Additional Recommended Indexes". Only CREATE INDEX statements (the seeder rebuilds them).
CREATE INDEX IF NOT EXISTS idx_wallet_ledger_rider_created ON wallet_ledger (rider_id, created_at);
CREATE INDEX IF NOT EXISTS idx_wallet_ledger_entry_type ON wallet_ledger (entry_type);
CREATE INDEX IF NOT EXISTS idx_location_logs_rider_created ON location_logs (rider_id, created_at)
