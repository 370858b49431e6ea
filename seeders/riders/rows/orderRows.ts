/*
 * orders, wallet_ledger and ratings rows, all from orderFacts (RidersRowContext.ts), so a delivered order has
 * exactly one earning and at most one rating, in every table, without reading another table's rows.
 * - orders: rider r's ORDERS_PER_RIDER orders (ids orderId(r, j)), then pendingOrders(users) pending ones
 *   (rider_id NULL, created in asOf's last hour) spread over the cities in id order.
 * - wallet_ledger: an 'earning' (80% of the order amount) per delivered order, id = the order id, at delivery
 *   (+40 min); then per rider with earnings one 'withdrawal' of half of them (negative), 10 days before asOf,
 *   id = ORDERS_PER_RIDER * riders + r.
 * - ratings: one per rated order, id = the order id.
 * metadata (jsonb): '{}' for most rows, a slot or source for some, so the GIN indexes index something.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash } from '../../engine/hash32.ts';
import { CITIES, cityOfRider } from '../../../scenarios/riders/layout.ts';
import { jsonbBytes, numericPaise } from '../pgBinary.ts';
import { DAY_MS, MAX_ROW_BYTES, RidersHash, earningsOf, orderFacts, type RidersRowContext } from '../RidersRowContext.ts';
import { ORDERS_PER_RIDER, orderId, pendingOrders } from '../ridersPlan.ts';

export const ORDER_COLUMNS = ['id', 'rider_id', 'city', 'status', 'external_ref', 'amount', 'metadata', 'created_at', 'assigned_at'] as const;
export const LEDGER_COLUMNS = ['id', 'rider_id', 'amount', 'entry_type', 'order_id', 'metadata', 'created_at'] as const;
export const RATING_COLUMNS = ['id', 'order_id', 'rider_id', 'rating', 'created_at'] as const;

const ORDER_META = ['{}', '{}', '{}', '{"slot": "lunch"}', '{"slot": "dinner"}', '{"channel": "3pl"}'].map(jsonbBytes);
const EMPTY = jsonbBytes('{}');
const DELIVERY_MS = 40 * 60_000;

export function* orderRows(ctx: RidersRowContext): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let r = 1; r <= ctx.riders; r++) {
    const city = cityOfRider(r);
    for (let j = 0; j < ORDERS_PER_RIDER; j++) {
      if (w.full(MAX_ROW_BYTES)) yield w.take();
      const id = orderId(r, j);
      const f = orderFacts(ctx, r, j);
      const meta = id % ORDER_META.length;
      w.row(9);
      w.int8(id);
      w.int8(r);
      w.ascii(city);
      w.ascii(f.status);
      if (meta === 5) w.ascii(`EXT${id}`);
      else w.null();
      numericPaise(w, f.amountPaise);
      w.bytes(ORDER_META[meta]!);
      w.timestamptzMs(f.createdMs);
      w.timestamptzMs(f.createdMs + 60_000);
    }
  }
  const first = orderId(ctx.riders + 1, 0);
  for (let p = 0, n = pendingOrders(ctx.riders); p < n; p++) {
    if (w.full(MAX_ROW_BYTES)) yield w.take();
    const h = columnHash(p + 1, RidersHash.pending ^ ctx.seed);
    w.row(9);
    w.int8(first + p);
    w.null();
    w.ascii(CITIES[p % CITIES.length]!);
    w.ascii('pending');
    w.null();
    numericPaise(w, 3000 + (h % 27_000));
    w.bytes(EMPTY);
    w.timestamptzMs(ctx.asOfMs - 3_600_000 + ((p * 997) % 3_600_000));
    w.null();
  }
  yield w.finish();
}

/** Id of rider r's withdrawal entry (after every order-numbered earning). */
export function withdrawalLedgerId(riders: number, r: number): number {
  return ORDERS_PER_RIDER * riders + pendingOrders(riders) + r;
}

/** Ledger rows of the riders `include` accepts (all by default: one hash partition's riders, or the plain table). */
export function* ledgerRows(ctx: RidersRowContext, include: (riderId: number) => boolean = () => true): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let r = 1; r <= ctx.riders; r++) {
    if (!include(r)) continue;
    let earned = 0;
    for (let j = 0; j < ORDERS_PER_RIDER; j++) {
      const f = orderFacts(ctx, r, j);
      if (f.status !== 'delivered') continue;
      if (w.full(MAX_ROW_BYTES)) yield w.take();
      const id = orderId(r, j);
      earned += f.earningPaise;
      w.row(7);
      w.int8(id);
      w.int8(r);
      numericPaise(w, f.earningPaise);
      w.ascii('earning');
      w.int8(id);
      w.bytes(id % 7 === 0 ? ORDER_META[3]! : EMPTY);
      w.timestamptzMs(f.createdMs + DELIVERY_MS);
    }
    if (earned > 0) {
      if (w.full(MAX_ROW_BYTES)) yield w.take();
      w.row(7);
      w.int8(withdrawalLedgerId(ctx.riders, r));
      w.int8(r);
      numericPaise(w, -withdrawalPaise(earned));
      w.ascii('withdrawal');
      w.null();
      w.bytes(EMPTY);
      w.timestamptzMs(ctx.asOfMs - 10 * DAY_MS);
    }
  }
  yield w.finish();
}

/** Half the rider's earnings, in paise. */
export function withdrawalPaise(earnedPaise: number): number {
  return Math.floor(earnedPaise / 2);
}

/** withdrawal_requests: one per rider with earnings (id = r), 'pending' for half of them, else 'paid'. */
export const WITHDRAWAL_COLUMNS = ['id', 'rider_id', 'amount', 'status', 'created_at'] as const;

export function* withdrawalRows(ctx: RidersRowContext): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let r = 1; r <= ctx.riders; r++) {
    const earned = earningsOf(ctx, r);
    if (earned === 0) continue;
    if (w.full(MAX_ROW_BYTES)) yield w.take();
    w.row(5);
    w.int8(r);
    w.int8(r);
    numericPaise(w, withdrawalPaise(earned));
    w.ascii(columnHash(r, RidersHash.withdrawals ^ ctx.seed) % 2 === 0 ? 'pending' : 'paid');
    w.timestamptzMs(ctx.asOfMs - 10 * DAY_MS);
  }
  yield w.finish();
}

export function* ratingRows(ctx: RidersRowContext): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let r = 1; r <= ctx.riders; r++) {
    for (let j = 0; j < ORDERS_PER_RIDER; j++) {
      const f = orderFacts(ctx, r, j);
      if (f.rating === 0) continue;
      if (w.full(MAX_ROW_BYTES)) yield w.take();
      const id = orderId(r, j);
      w.row(5);
      w.int8(id);
      w.int8(id);
      w.int8(r);
      w.int2(f.rating);
      w.timestamptzMs(f.createdMs + DELIVERY_MS + 600_000);
    }
  }
  yield w.finish();
}

/** Rows each generator yields for `riders`: counted by the same draws, so the plan matches the load exactly. */
export function countOrderDerived(ctx: RidersRowContext, partitionOf?: Uint16Array, partitions = 1): { ledger: number; ratings: number; withdrawals: number; ledgerByPartition: number[] } {
  let ledger = 0;
  let ratings = 0;
  let withdrawals = 0;
  const ledgerByPartition = new Array<number>(partitions).fill(0);
  for (let r = 1; r <= ctx.riders; r++) {
    const before = ledger;
    let earned = 0;
    for (let j = 0; j < ORDERS_PER_RIDER; j++) {
      const f = orderFacts(ctx, r, j);
      if (f.status === 'delivered') {
        ledger++;
        earned += f.earningPaise;
      }
      if (f.rating > 0) ratings++;
    }
    if (earned > 0) {
      ledger++;
      withdrawals++;
    }
    ledgerByPartition[partitionOf ? partitionOf[r]! : 0]! += ledger - before;
  }
  return { ledger, ratings, withdrawals, ledgerByPartition };
}
