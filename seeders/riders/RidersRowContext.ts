/*
 * Everything a riders row renderer needs, and the per-row draws several tables share: an order's outcome
 * decides its ledger earning and its rating, so orders, wallet_ledger and ratings all derive it from the same
 * hash (orderFacts), never from each other's rows.
 */
import { columnHash, rowKey } from '../engine/hash32.ts';
import { ORDERS_PER_RIDER } from './ridersPlan.ts';

export interface RidersRowContext {
  seed: number;
  riders: number;
  /** End of the 12 months (epoch ms). */
  asOfMs: number;
  chunkBytes: number;
}

/** Streams of randomness, one per table (hash32's `table` argument). */
export const RidersHash = {
  riders: 201,
  orders: 202,
  locations: 203,
  duty: 204,
  withdrawals: 205,
  pending: 206,
} as const;

export const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
/** Upper bound of one encoded row of any riders table. */
export const MAX_ROW_BYTES = 512;

export interface OrderFacts {
  status: 'delivered' | 'cancelled';
  amountPaise: number;
  createdMs: number;
  /** A rating 1..5, or 0 when the customer left none. */
  rating: number;
  /** The rider's share, credited to the ledger when delivered. */
  earningPaise: number;
}

/** Rider r's j-th order (0..ORDERS_PER_RIDER-1): 92% delivered, 8% cancelled, over the 12 months before asOf. */
export function orderFacts(ctx: RidersRowContext, riderId: number, j: number): OrderFacts {
  const k = rowKey(ctx.seed, RidersHash.orders, (riderId - 1) * ORDERS_PER_RIDER + j);
  const delivered = columnHash(k, 0) % 100 < 92;
  const amountPaise = 3000 + (columnHash(k, 1) % 27_000); // 30.00 .. 299.99 rupees
  const createdMs = ctx.asOfMs - YEAR_MS + (columnHash(k, 2) % (YEAR_MS - 3_600_000)); // before asOf's last hour
  const r = columnHash(k, 3) % 100;
  const rating = !delivered || r >= 45 ? 0 : r < 25 ? 5 : r < 37 ? 4 : r < 41 ? 3 : r < 43 ? 2 : 1;
  return { status: delivered ? 'delivered' : 'cancelled', amountPaise, createdMs, rating, earningPaise: Math.round(amountPaise * 0.8) };
}

/** The rider's total earnings (paise) over the seeded orders. */
export function earningsOf(ctx: RidersRowContext, riderId: number): number {
  let sum = 0;
  for (let j = 0; j < ORDERS_PER_RIDER; j++) {
    const f = orderFacts(ctx, riderId, j);
    if (f.status === 'delivered') sum += f.earningPaise;
  }
  return sum;
}
