/*
 * What defines a riders dataset (seed 002) and how big each table is. Volumes at the default 1,000,000 riders
 * (the plan's stage 3, "100K-1M Riders"), over the 12 months ending at asOf:
 *   location_logs 12,000,000 | wallet_ledger ~4.68M | orders 4,080,000 | duty_logs 2,000,000 | ratings ~1.66M |
 *   riders 1,000,000 | withdrawal_requests ~1M.
 * Why these: a real stage-3 fleet pinging every 5 s writes billions of location rows a month, which no 2-core
 * box loads in 120 s; the seeded history keeps ONE point per rider per month (every month's partition exists
 * and holds rows for pruning and archival to act on; a run's live pings go into the current month).
 * Orders: 4 per rider per year, ~333,000 a month at 1M riders, a third of the plan's "> 1M orders/month"
 * partitioning trigger (its "Orders Table (Future: Monthly Partitioning)"; the issue keeps orders plain): the
 * orders, their ledger earnings and ratings are what the 120 s budget could hold next to 12M location rows
 * (6 per rider measured 248 s on the shared box, 4 per rider 191 s, both under load average ~9).
 * A ledger earning per delivered order and one withdrawal per rider with earnings, half of them still
 * pending; ratings on about 45% of delivered orders; two duty changes per rider (the last is
 * riders.duty_status). 2% more orders are pending (rider_id NULL, created in asOf's last hour): the dispatch
 * queues' supply. Measured figures: README, "Measured here".
 */
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';

export const GENERATOR_VERSION = 'scaleproof-riders-seed/2';
export const MONTHS = 12;
export const ORDERS_PER_RIDER = 4;
export const LOCATIONS_PER_RIDER_MONTH = 1;
export const DUTY_LOGS_PER_RIDER = 2;
/** Pending orders per 100 riders' orders (the dispatch supply). */
export const PENDING_PER_100_ORDERS = 2;
export const DEFAULT_WALLET_PARTITIONS = 4;
export const MAX_RIDERS = 100_000_000;
export const MAX_SEED = 4_294_967_295;

export const RIDERS_TABLES = ['location_logs', 'orders', 'wallet_ledger', 'ratings', 'duty_logs', 'riders', 'withdrawal_requests'] as const;
export type RidersTable = (typeof RIDERS_TABLES)[number];

export interface RidersSeedParameters {
  users: number;
  seed: number;
  /** End of the 12 months (ISO 8601, UTC midnight by default). */
  asOf: string;
  walletPartitions: number;
  months: number;
  ordersPerRider: number;
  locationsPerRiderMonth: number;
}

export interface MonthSpan {
  /** First instant (epoch ms) of the calendar month. */
  startMs: number;
  /** End of the data in it: the next month's start, or asOf for asOf's own month. */
  endMs: number;
  /** The optimized variant's partition (create_location_logs_partition's naming). */
  partition: string;
}

function wholeNumber(name: string, value: number, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ScaleproofError('SP_USAGE', `${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, got ${JSON.stringify(value)}`);
  }
}

export function validateRidersParameters(p: { users: number; seed: number; asOf: string; walletPartitions?: number | undefined }): RidersSeedParameters {
  wholeNumber('users (riders)', p.users, 1, MAX_RIDERS);
  wholeNumber('seed', p.seed, 0, MAX_SEED);
  const walletPartitions = p.walletPartitions ?? DEFAULT_WALLET_PARTITIONS;
  wholeNumber('walletPartitions', walletPartitions, 1, 1024);
  const asOf = new Date(p.asOf);
  if (Number.isNaN(asOf.getTime()) || asOf.getUTCFullYear() < 2001 || asOf.getUTCFullYear() > 9000) {
    throw new ScaleproofError('SP_USAGE', `asOf must be an ISO date such as 2025-01-31, got ${JSON.stringify(p.asOf)}`);
  }
  return Object.freeze({
    users: p.users, seed: p.seed, asOf: asOf.toISOString(), walletPartitions,
    months: MONTHS, ordersPerRider: ORDERS_PER_RIDER, locationsPerRiderMonth: LOCATIONS_PER_RIDER_MONTH,
  });
}

export function startOfUtcDay(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** The 12 calendar months ending with the one that holds asOf - 1 ms, oldest first. */
export function monthsOf(asOfMs: number): MonthSpan[] {
  const last = new Date(asOfMs - 1);
  const out: MonthSpan[] = [];
  for (let k = MONTHS - 1; k >= 0; k--) {
    const start = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - k, 1);
    const next = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - k + 1, 1);
    const d = new Date(start);
    out.push({ startMs: start, endMs: Math.min(next, asOfMs), partition: `location_logs_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, '0')}` });
  }
  return out;
}

export function pendingOrders(users: number): number {
  return Math.max(50, Math.ceil((users * ORDERS_PER_RIDER * PENDING_PER_100_ORDERS) / 100));
}

/** Order ids: rider r's j-th order is (r-1)*ORDERS_PER_RIDER + j + 1; pending ones follow the riders' orders. */
export function orderId(riderId: number, j: number): number {
  return (riderId - 1) * ORDERS_PER_RIDER + j + 1;
}
