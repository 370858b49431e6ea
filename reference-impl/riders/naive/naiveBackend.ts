/*
 * The naive variant (seed 002's "before", stage 1): no cache, every read from Postgres (rider state is three
 * queries, the active riders one, the leaderboard aggregated live from riders, wallet_ledger, orders and
 * ratings on every request), one INSERT per location update, dispatch straight from the orders table.
 * Same statements and JSON as the optimized variant wherever the plan does not change them.
 */
import type { Database } from '../../platform/db/Database.ts';
import { leaderboardJson, type LeaderboardDbRow } from '../leaderboardJson.ts';
import { orderJson } from '../orderJson.ts';
import { ACTIVE_IDS_SHOWN, type RidersBackend } from '../RidersBackend.ts';
import { ridersSql, type OrderRow } from '../statements.ts';
import { writeWalletEntry } from '../writeWalletEntry.ts';

export function naiveBackend(db: Database): RidersBackend {
  return {
    async recordLocation(riderId, lat, lon, tsMs) {
      await db.query(ridersSql.insertLocation([riderId, lat, lon, new Date(tsMs).toISOString()]));
      return 'accepted';
    },

    async setDuty(riderId, status) {
      return db.withClient(4, async (client) => {
        await client.query('BEGIN');
        try {
          const r = await client.query(ridersSql.setDuty([riderId, status]));
          if (r.rowCount === 0) {
            await client.query('ROLLBACK');
            return null;
          }
          await client.query(ridersSql.dutyLog([riderId, status]));
          await client.query('COMMIT');
          return { rider_id: riderId, duty: status };
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
      });
    },

    async riderState(riderId) {
      const duty = (await db.query<{ duty_status: string }>(ridersSql.duty([riderId]))).rows[0]?.duty_status;
      if (duty === undefined) return null;
      const loc = (await db.query<{ lat: number; lon: number; recorded_at: Date }>(ridersSql.lastLocation([riderId]))).rows[0];
      const balance = (await db.query<{ balance: string }>(ridersSql.balance([riderId]))).rows[0]!.balance;
      return { rider_id: riderId, duty, location: loc ? { lat: loc.lat, lon: loc.lon, ts: loc.recorded_at.toISOString() } : null, wallet_balance: balance };
    },

    async activeRiders(city) {
      const ids = (await db.query<{ id: string }>(ridersSql.activeIds([city]))).rows.map((r) => Number(r.id));
      return { city, active_count: ids.length, rider_ids: ids.slice(0, ACTIVE_IDS_SHOWN) };
    },

    walletEntry: (riderId, paise, entryType) => writeWalletEntry(db, riderId, paise, entryType),

    async leaderboard(city) {
      return leaderboardJson(city, (await db.query<LeaderboardDbRow>(ridersSql.leaderboardLive([city]))).rows);
    },

    async assignNext(city) {
      const row = (await db.query<OrderRow>(ridersSql.assignOldest([city]))).rows[0];
      return row ? orderJson(row) : null;
    },
  };
}
