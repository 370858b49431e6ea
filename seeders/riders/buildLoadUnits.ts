/*
 * The riders dataset as COPY units, every one COPY FREEZE (each unit owns its relation). location_logs, the
 * largest table, is one unit per month straight into the month's leaf partition (optimized) or one unit for
 * all months into the plain table (naive). wallet_ledger is one unit per hash partition (optimized), each
 * holding the riders Postgres itself maps to that remainder (ledgerPartitionOf.ts), or the plain table.
 */
import type { CopyChunk } from '../engine/BinaryCopyWriter.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';
import type { RidersRowContext } from './RidersRowContext.ts';
import { ORDERS_PER_RIDER, DUTY_LOGS_PER_RIDER, pendingOrders, type MonthSpan, type RidersTable } from './ridersPlan.ts';
import { DUTY_COLUMNS, dutyRows } from './rows/dutyRows.ts';
import { LOCATION_COLUMNS, locationRows } from './rows/locationRows.ts';
import { LEDGER_COLUMNS, ORDER_COLUMNS, RATING_COLUMNS, WITHDRAWAL_COLUMNS, countOrderDerived, ledgerRows, orderRows, ratingRows, withdrawalRows } from './rows/orderRows.ts';
import { RIDER_COLUMNS, riderRows } from './rows/riderRows.ts';
import { LOCATIONS_PER_RIDER_MONTH } from './ridersPlan.ts';

const HEADER_BYTES = 19; // "PGCOPY\n\377\r\n\0", flags, header extension length
const TRAILER_BYTES = 2;

export interface RidersUnits {
  location: LoadUnit[];
  /** Plain tables, one unit each (COPY FREEZE). */
  plain: LoadUnit[];
  /** wallet_ledger: one unit per hash partition (optimized) or the plain table; all COPY FREEZE. */
  ledger: LoadUnit[];
  rowCounts: Record<RidersTable, number>;
}

/**
 * `ledgerPartitions`: the optimized variant's wallet_ledger leaves in remainder order and each rider's
 * remainder (from Postgres's own satisfies_hash_partition, ledgerPartitionOf.ts), so ledger rows go straight
 * into their leaf and can be frozen; undefined for the plain table.
 */
export function buildLoadUnits(ctx: RidersRowContext, months: readonly MonthSpan[], partitioned: boolean, ledgerPartitions?: { names: readonly string[]; of: Uint16Array }): RidersUnits {
  const n = ctx.riders;
  const derived = countOrderDerived(ctx, ledgerPartitions?.of, ledgerPartitions?.names.length ?? 1);
  const perMonth = n * LOCATIONS_PER_RIDER_MONTH;
  const unit = (table: RidersTable, relation: string, columns: readonly string[], rows: number, width: number, render: () => Generator<CopyChunk>): LoadUnit =>
    ({ table, relation, columns, rows, weight: rows * width, render });
  const location = partitioned
    ? months.map((m, i) => unit('location_logs', m.partition, LOCATION_COLUMNS, perMonth, 60, () => locationRows(ctx, m, i)))
    : [unit('location_logs', 'location_logs', LOCATION_COLUMNS, perMonth * months.length, 60, function* () {
      // One COPY stream over every month: each month's header is dropped but the first, its trailer but the
      // last's. One chunk of look-ahead finds a month's last chunk without holding the month in memory.
      for (let i = 0; i < months.length; i++) {
        let prev: CopyChunk | undefined;
        let first = true;
        for (const c of locationRows(ctx, months[i]!, i)) {
          if (prev) yield prev;
          prev = first && i > 0 ? { bytes: c.bytes.subarray(HEADER_BYTES), rows: c.rows } : c;
          first = false;
        }
        if (prev) yield i < months.length - 1 ? { bytes: prev.bytes.subarray(0, prev.bytes.length - TRAILER_BYTES), rows: prev.rows } : prev;
      }
    })];
  const orders = n * ORDERS_PER_RIDER + pendingOrders(n);
  return {
    location,
    plain: [
      unit('orders', 'orders', ORDER_COLUMNS, orders, 90, () => orderRows(ctx)),
      unit('ratings', 'ratings', RATING_COLUMNS, derived.ratings, 50, () => ratingRows(ctx)),
      unit('duty_logs', 'duty_logs', DUTY_COLUMNS, n * DUTY_LOGS_PER_RIDER, 40, () => dutyRows(ctx)),
      unit('riders', 'riders', RIDER_COLUMNS, n, 90, () => riderRows(ctx)),
      unit('withdrawal_requests', 'withdrawal_requests', WITHDRAWAL_COLUMNS, derived.withdrawals, 50, () => withdrawalRows(ctx)),
    ],
    ledger: ledgerPartitions
      ? ledgerPartitions.names.map((name, k) => unit('wallet_ledger', name, LEDGER_COLUMNS, derived.ledgerByPartition[k]!, 70, () => ledgerRows(ctx, (r) => ledgerPartitions.of[r] === k)))
      : [unit('wallet_ledger', 'wallet_ledger', LEDGER_COLUMNS, derived.ledger, 70, () => ledgerRows(ctx))],
    rowCounts: {
      location_logs: perMonth * months.length, orders, wallet_ledger: derived.ledger, ratings: derived.ratings,
      duty_logs: n * DUTY_LOGS_PER_RIDER, riders: n, withdrawal_requests: derived.withdrawals,
    },
  };
}
