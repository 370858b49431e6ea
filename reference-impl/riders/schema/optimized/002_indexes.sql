-- Seed 002's indexes on the optimized variant's partitioned tables ("Critical Indexes": wallet_ledger
-- rider_id + created_at and entry_type, location_logs rider_id + created_at) and the plan's "Additional
-- Recommended Indexes" (partial and GIN). Only CREATE INDEX statements: the seeder drops and rebuilds them.
CREATE INDEX IF NOT EXISTS idx_wallet_ledger_rider_created ON wallet_ledger (rider_id, created_at);
CREATE INDEX IF NOT EXISTS idx_wallet_ledger_entry_type ON wallet_ledger (entry_type);
CREATE INDEX IF NOT EXISTS idx_location_logs_rider_created ON location_logs (rider_id, created_at);
CREATE INDEX IF NOT EXISTS idx_riders_active_city ON riders (city) WHERE status = 'ACTIVE' AND kyc_status = 'APPROVED';
CREATE INDEX IF NOT EXISTS idx_withdrawal_requests_pending ON withdrawal_requests (created_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS idx_orders_metadata_gin ON orders USING GIN (metadata);
CREATE INDEX IF NOT EXISTS idx_wallet_ledger_metadata_gin ON wallet_ledger USING GIN (metadata)
