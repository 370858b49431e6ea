/*
 * The riders SQL both variants share (named, parameterized statements), so their answers agree by
 * construction. Reads that only one variant makes (the leaderboard MV, the live aggregate, the queue refill)
 * are here too, next to their twin, so a reader can compare them.
 */
import type pg from 'pg';

const q = (name: string, text: string) => (values: unknown[]): pg.QueryConfig => ({ name: `riders_${name}`, text, values });

export const ridersSql = {
  duty: q('duty', 'SELECT duty_status FROM riders WHERE id = $1'),
  lastLocation: q('last_location', `SELECT lat, lon, recorded_at FROM location_logs WHERE rider_id = $1 ORDER BY created_at DESC LIMIT 1`),
  balance: q('balance', `SELECT COALESCE(SUM(amount), 0)::numeric(14,2)::text AS balance FROM wallet_ledger WHERE rider_id = $1`),
  activeIds: q('active_ids', `SELECT id FROM riders WHERE city = $1 AND status = 'ACTIVE' AND kyc_status = 'APPROVED' AND duty_status = 'ON' ORDER BY id`),
  setDuty: q('set_duty', `UPDATE riders SET duty_status = $2 WHERE id = $1 RETURNING city`),
  dutyLog: q('duty_log', `INSERT INTO duty_logs (rider_id, status) VALUES ($1, $2)`),
  insertLocation: q('insert_location', `INSERT INTO location_logs (rider_id, lat, lon, recorded_at, created_at) VALUES ($1, $2, $3, $4, now())`),
  // The wallet: the rider's row locked for the transaction, so concurrent entries of one rider serialise and a
  // withdrawal is checked against a balance nobody else is changing.
  lockRiderBalance: q('lock_rider_balance', `SELECT (SELECT COALESCE(SUM(amount), 0) FROM wallet_ledger WHERE rider_id = r.id)::numeric(14,2)::text AS balance
                                                FROM riders r WHERE r.id = $1 FOR UPDATE OF r`),
  insertLedger: q('insert_ledger', `INSERT INTO wallet_ledger (rider_id, amount, entry_type, metadata) VALUES ($1, $2, $3, '{"source":"api"}') RETURNING id`),
  insertWithdrawal: q('insert_withdrawal', `INSERT INTO withdrawal_requests (rider_id, amount) VALUES ($1, $2)`),
  leaderboardView: q('leaderboard_view', `SELECT rider_id, name, total_earnings::text AS total_earnings, completed_orders::int AS completed_orders, avg_rating::text AS avg_rating
                                            FROM rider_leaderboard WHERE city = $1 ORDER BY rider_leaderboard.total_earnings DESC, rider_id LIMIT ${10}`),
  // The naive variant's leaderboard: rider_leaderboard's query for one city, aggregated live on every request.
  leaderboardLive: q('leaderboard_live', `SELECT r.id AS rider_id, r.name, COALESCE(e.s, 0)::numeric(14,2)::text AS total_earnings,
                                                 COALESCE(o.n, 0)::int AS completed_orders, COALESCE(rt.a, 0)::numeric(3,2)::text AS avg_rating
                                            FROM riders r
                                            LEFT JOIN LATERAL (SELECT SUM(amount) AS s FROM wallet_ledger WHERE rider_id = r.id AND entry_type = 'earning') e ON true
                                            LEFT JOIN LATERAL (SELECT COUNT(*) AS n FROM orders WHERE rider_id = r.id AND status = 'delivered') o ON true
                                            LEFT JOIN LATERAL (SELECT AVG(rating) AS a FROM ratings WHERE rider_id = r.id) rt ON true
                                           WHERE r.status = 'ACTIVE' AND r.city = $1
                                           ORDER BY COALESCE(e.s, 0)::numeric(14,2) DESC, r.id LIMIT ${10}`),
  pendingOrderIds: q('pending_order_ids', `SELECT id FROM orders WHERE city = $1 AND status = 'pending' ORDER BY id LIMIT $2`),
  assignOrder: q('assign_order', `UPDATE orders SET status = 'assigned', assigned_at = now() WHERE id = $1 AND status = 'pending'
                                   RETURNING id, city, amount::text AS amount, external_ref, created_at`),
  // The naive variant's dispatch: the oldest pending order of the city, taken in one statement.
  assignOldest: q('assign_oldest', `UPDATE orders SET status = 'assigned', assigned_at = now()
                                     WHERE id = (SELECT id FROM orders WHERE city = $1 AND status = 'pending' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                                     RETURNING id, city, amount::text AS amount, external_ref, created_at`),
};

export interface OrderRow {
  id: string;
  city: string;
  amount: string;
  external_ref: string | null;
  created_at: Date;
}
