/* An assigned order row as the API's JSON (both variants). */
import type { AssignedOrder } from './RidersBackend.ts';
import type { OrderRow } from './statements.ts';

export function orderJson(row: OrderRow): AssignedOrder {
  return { order_id: Number(row.id), city: row.city, amount: row.amount, external_ref: row.external_ref, created_at: row.created_at.toISOString() };
}
