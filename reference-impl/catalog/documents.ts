/*
 * The JSON documents both variants answer, built in one place so they are the same: the optimized variant
 * maps table rows to them, the naive one projects its kv_store values (which the seeder writes in the same
 * field formats: ids as text, money as "12.50", times as ISO 8601). Field order is part of the contract.
 */

export interface ProductListItem { id: string; sku: string; name: string; category: string | null; brand: string | null; price: string; currency: string }
export interface ProductDocument extends ProductListItem { catalog_id: string; description: string | null; inventory_count: number; is_active: boolean }
export interface CatalogDocument { id: string; name: string; type: string; source: string | null; status: string; created_at: string }
export interface OrderItemDocument { product_id: string; sku: string; name: string; qty: number; unit_price: string }
export interface OrderDocument {
  id: string; order_number: string; client_id: string; site_id: string; customer_name: string; customer_email: string;
  status: string; total_amount: string; currency: string; items: OrderItemDocument[]; created_at: string;
}
export interface ProductPage { site_id: string; catalog_id: string; page: number; pageSize: number; category: string | null; items: ProductListItem[] }
export interface OrderReport {
  client_id: string; month: string; total_orders: number; total_revenue: string; avg_order_value: string;
  by_status: Record<string, number>;
}

type Loose = Record<string, unknown>;
const text = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function productListItem(r: Loose): ProductListItem {
  return { id: text(r.id), sku: text(r.sku), name: text(r.name), category: textOrNull(r.category), brand: textOrNull(r.brand), price: text(r.price), currency: text(r.currency) };
}

export function productDocument(r: Loose): ProductDocument {
  return {
    ...productListItem(r), catalog_id: text(r.catalog_id), description: textOrNull(r.description),
    inventory_count: Number(r.inventory_count), is_active: Boolean(r.is_active),
  };
}

export function catalogDocument(r: Loose): CatalogDocument {
  return { id: text(r.id), name: text(r.name), type: text(r.type), source: textOrNull(r.source), status: text(r.status), created_at: text(r.created_at) };
}

export function orderDocument(r: Loose): OrderDocument {
  return {
    id: text(r.id), order_number: text(r.order_number), client_id: text(r.client_id), site_id: text(r.site_id),
    customer_name: text(r.customer_name), customer_email: text(r.customer_email), status: text(r.status),
    total_amount: text(r.total_amount), currency: text(r.currency), items: r.items as OrderItemDocument[], created_at: text(r.created_at),
  };
}

/** "12.50" from whole cents. */
export function money(cents: number): string {
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  return `${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** Whole cents from "12.50" (exact: no float arithmetic on money). */
export function cents(amount: string): number {
  const [whole, frac = '0'] = amount.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
}

/** The monthly report from per-status counts and revenues (cents): the same arithmetic in both variants. */
export function orderReport(clientId: string, month: string, byStatus: ReadonlyMap<string, { orders: number; cents: number }>): OrderReport {
  let orders = 0;
  let revenue = 0;
  const counts: Record<string, number> = {};
  for (const [status, s] of [...byStatus].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    counts[status] = s.orders;
    orders += s.orders;
    revenue += s.cents;
  }
  return {
    client_id: clientId, month, total_orders: orders, total_revenue: money(revenue),
    avg_order_value: money(orders === 0 ? 0 : Math.round(revenue / orders)), by_status: counts,
  };
}
