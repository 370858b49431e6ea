-- Seed 002 "Critical Indexes (Already Implemented)" on the shared tables: both variants have them (the plan
-- lists them as the state before its recommendations). Only CREATE INDEX statements: the seeder drops and
-- rebuilds exactly these around a bulk load (seeders/engine/indexStatements.ts).
CREATE INDEX IF NOT EXISTS idx_riders_status_city ON riders (status, city);
CREATE INDEX IF NOT EXISTS idx_riders_kyc_status ON riders (kyc_status);
CREATE INDEX IF NOT EXISTS idx_orders_rider_status ON orders (rider_id, status);
CREATE INDEX IF NOT EXISTS idx_orders_created_at ON orders (created_at);
CREATE INDEX IF NOT EXISTS idx_orders_external_ref ON orders (external_ref);
-- The dispatch queue's refill reads a city's pending orders oldest first (order_assign).
CREATE INDEX IF NOT EXISTS idx_orders_city_pending ON orders (city, id) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS idx_duty_logs_rider_created ON duty_logs (rider_id, created_at);
CREATE INDEX IF NOT EXISTS idx_ratings_rider ON ratings (rider_id);
CREATE INDEX IF NOT EXISTS idx_withdrawal_requests_rider ON withdrawal_requests (rider_id)
