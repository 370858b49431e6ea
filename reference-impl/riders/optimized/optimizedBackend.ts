/*
 * The optimized variant's reads and writes (seed 002 as written):
 * - locations go into the WriteBuffer (one multi-row INSERT per flush) and into rider:location:<id> (1 min);
 * - rider state reads rider:duty:<id> (5 min), rider:location:<id> and rider:wallet:balance:<id> (1 min)
 *   through the platform's cache-aside layer (single-flight, fail-open), each loaded from Postgres on a miss;
 * - a duty change deletes rider:duty:<id> and riders:active:city:<city>; a ledger insert deletes the balance
 *   (the plan's "Cache Invalidation"), after the commit;
 * - the active set per city is a Redis Set (30 s) refilled from the partial index on a miss;
 * - the leaderboard reads rider_leaderboard (refreshed hourly, CONCURRENTLY);
 * - dispatch pops orders:queue:<city>, refilled from the city's oldest pending orders when empty.
 * Only found values are cached (no negative caching), as in the platform's cache layer.
 */
import type { PlatformParts } from '../../platform/PlatformParts.ts';
import { SingleFlight } from '../../platform/cache/SingleFlight.ts';
import type { WriteBuffer } from '../../platform/writeBuffer/WriteBuffer.ts';
import { riderKeys } from '../cacheKeys.ts';
import { leaderboardJson, type LeaderboardDbRow } from '../leaderboardJson.ts';
import { orderJson } from '../orderJson.ts';
import { ACTIVE_IDS_SHOWN, type LocationPoint, type RidersBackend } from '../RidersBackend.ts';
import type { RidersSettings } from '../ridersSettings.ts';
import { ridersSql, type OrderRow } from '../statements.ts';
import type { RiderRedis } from '../store/RiderRedis.ts';
import { writeWalletEntry } from '../writeWalletEntry.ts';
import { locationLine } from './locationLine.ts';

export interface OptimizedDeps {
  parts: PlatformParts;
  settings: RidersSettings;
  buffer: WriteBuffer;
  redis: RiderRedis;
}

/** Pops per request before giving up: ids whose order was taken meanwhile are skipped. */
const MAX_POPS = 5;

export function optimizedBackend({ parts, settings, buffer, redis }: OptimizedDeps): RidersBackend {
  const { db, cache, store, metrics, log } = parts;
  const prefix = parts.config.redisKeyPrefix;
  const committed = settings.ackMode === 'committed';
  const activeFlights = new SingleFlight<number[]>();
  const refillFlights = new SingleFlight<number>();
  const text = (b: Buffer | null) => (b === null ? null : b.toString());

  const invalidate = async (...keys: string[]) => {
    try {
      await redis.del(...keys.map((k) => prefix + k));
    } catch (err) {
      // A failed delete leaves a value at most one TTL old; counted and logged, never a failed write.
      metrics.cacheEvents.storeError('set');
      log.warn(`riders: cache invalidation of ${keys.join(', ')} failed (${String(err)}); it expires within its TTL`);
    }
  };

  const loadActive = async (city: string): Promise<number[]> => {
    const ids = (await db.query<{ id: string }>(ridersSql.activeIds([city]))).rows.map((r) => Number(r.id));
    await redis.replaceSet(prefix + riderKeys.activeCity(city), ids, settings.activeTtlS).catch(() => metrics.cacheEvents.storeError('set'));
    return ids;
  };

  return {
    async recordLocation(riderId, lat, lon, tsMs) {
      const line = locationLine(riderId, lat, lon, tsMs, Date.now());
      const outcome = committed ? await buffer.offerCommitted(line) : buffer.offer(line);
      if (outcome !== 'accepted') return outcome;
      const point: LocationPoint = { lat, lon, ts: new Date(tsMs).toISOString() };
      await store.set(prefix + riderKeys.location(riderId), JSON.stringify(point), settings.locationTtlS).catch(() => metrics.cacheEvents.storeError('set'));
      return 'accepted';
    },

    async setDuty(riderId, status) {
      const city = await db.withClient(4, async (client) => {
        await client.query('BEGIN');
        try {
          const r = await client.query<{ city: string }>(ridersSql.setDuty([riderId, status]));
          if (r.rowCount === 0) {
            await client.query('ROLLBACK');
            return null;
          }
          await client.query(ridersSql.dutyLog([riderId, status]));
          await client.query('COMMIT');
          return r.rows[0]!.city;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
      });
      if (city === null) return null;
      await invalidate(riderKeys.duty(riderId), riderKeys.activeCity(city));
      return { rider_id: riderId, duty: status };
    },

    async riderState(riderId) {
      const [duty, location, balance] = await Promise.all([
        cache.fetch('rider_duty', riderKeys.duty(riderId), settings.dutyTtlS, async () =>
          (await db.query<{ duty_status: string }>(ridersSql.duty([riderId]))).rows[0]?.duty_status ?? null),
        cache.fetch('rider_location', riderKeys.location(riderId), settings.locationTtlS, async () => {
          const row = (await db.query<{ lat: number; lon: number; recorded_at: Date }>(ridersSql.lastLocation([riderId]))).rows[0];
          return row ? JSON.stringify({ lat: row.lat, lon: row.lon, ts: row.recorded_at.toISOString() } satisfies LocationPoint) : null;
        }),
        cache.fetch('rider_wallet', riderKeys.walletBalance(riderId), settings.walletTtlS, async () =>
          (await db.query<{ balance: string }>(ridersSql.balance([riderId]))).rows[0]!.balance),
      ]);
      const dutyText = text(duty.value);
      if (dutyText === null) return null;
      const loc = text(location.value);
      return { rider_id: riderId, duty: dutyText, location: loc === null ? null : (JSON.parse(loc) as LocationPoint), wallet_balance: text(balance.value)! };
    },

    async activeRiders(city) {
      let ids: number[] = [];
      let found = false;
      try {
        ids = (await redis.members(prefix + riderKeys.activeCity(city))).map(Number);
        found = ids.length > 0;
        metrics.cacheEvents.storeLookup('riders_active', found);
      } catch {
        metrics.cacheEvents.storeError('get');
      }
      if (found) {
        metrics.cacheEvents.hit('riders_active');
      } else {
        metrics.cacheEvents.miss('riders_active');
        const flight = activeFlights.do(city, () => loadActive(city));
        if (flight.shared) metrics.cacheEvents.coalesced('riders_active');
        ids = await flight.result;
      }
      const sorted = [...ids].sort((a, b) => a - b);
      return { city, active_count: sorted.length, rider_ids: sorted.slice(0, ACTIVE_IDS_SHOWN) };
    },

    async walletEntry(riderId, paise, entryType) {
      const outcome = await writeWalletEntry(db, riderId, paise, entryType);
      if ('entry_id' in outcome) await invalidate(riderKeys.walletBalance(riderId));
      return outcome;
    },

    async leaderboard(city) {
      return leaderboardJson(city, (await db.query<LeaderboardDbRow>(ridersSql.leaderboardView([city]))).rows);
    },

    async assignNext(city) {
      const key = prefix + riderKeys.orderQueue(city);
      for (let i = 0; i < MAX_POPS; i++) {
        const id = await redis.pop(key);
        if (id === null) {
          // One refill per city at a time: a second empty pop waits for it instead of pushing the same ids twice.
          const pushed = await refillFlights.do(city, async () => {
            const ids = (await db.query<{ id: string }>(ridersSql.pendingOrderIds([city, settings.queueRefill]))).rows.map((r) => r.id);
            await redis.push(key, ids);
            return ids.length;
          }).result;
          if (pushed === 0) return null;
          continue;
        }
        // An id whose order was taken meanwhile (a duplicate push) is skipped.
        const row = (await db.query<OrderRow>(ridersSql.assignOrder([Number(id)]))).rows[0];
        if (row) return orderJson(row);
      }
      return null;
    },
  };
}
