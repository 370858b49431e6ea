/*
 * Validation of everything a request carries: ids (UUIDs), the product-list query, the report month and the
 * order body. Bad input is a 400 with our error shape; nothing unvalidated reaches SQL or a key.
 */
import { catalogErrors } from '../errors/catalogErrors.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CATEGORY_RE = /^[a-z][a-z0-9_-]{0,39}$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,40}$/;
const POSITIVE_RE = /^[1-9][0-9]{0,6}$/;
// Postgres text cannot hold NUL, and no name needs control characters.
const hasControl = (s: string) => [...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

export const MAX_PAGE_SIZE = 1000;
export const MAX_ITEMS = 50;
export const MAX_QTY = 100;

/** A UUID in canonical lowercase form (upper case is accepted and lowered). */
export function parseUuid(field: string, raw: unknown): string {
  const s = typeof raw === 'string' ? raw.toLowerCase() : '';
  if (!UUID_RE.test(s)) throw catalogErrors.invalid(field, raw, 'a UUID');
  return s;
}

export function isUuid(raw: string): boolean {
  return UUID_RE.test(raw.toLowerCase());
}

export interface ProductsQuery {
  page: number;
  pageSize: number;
  category: string | null;
}

function singleString(field: string, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw catalogErrors.invalid(field, raw, 'one value');
  return raw;
}

export function parseProductsQuery(q: Record<string, unknown>): ProductsQuery {
  const page = singleString('page', q.page) ?? '1';
  const pageSize = singleString('pageSize', q.pageSize) ?? '50';
  const category = singleString('category', q.category);
  if (!POSITIVE_RE.test(page) || Number(page) > 100_000) throw catalogErrors.invalid('page', page, 'a whole number from 1 to 100000');
  if (!POSITIVE_RE.test(pageSize) || Number(pageSize) > MAX_PAGE_SIZE) throw catalogErrors.invalid('pageSize', pageSize, `a whole number from 1 to ${MAX_PAGE_SIZE}`);
  if (category !== undefined && !CATEGORY_RE.test(category)) throw catalogErrors.invalid('category', category, 'a category name (lowercase letters, digits, - and _)');
  return { page: Number(page), pageSize: Number(pageSize), category: category ?? null };
}

/** 'YYYY-MM' -> the month's [start, end) in UTC. */
export function parseMonth(raw: unknown): { month: string; startMs: number; endMs: number } {
  const s = typeof raw === 'string' ? raw : '';
  const m = MONTH_RE.exec(s);
  if (!m || Number(m[1]) < 1970 || Number(m[1]) > 9999) throw catalogErrors.invalid('month', raw, 'a month as YYYY-MM');
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  return { month: s, startMs: Date.UTC(y, mo, 1), endMs: Date.UTC(y, mo + 1, 1) };
}

export interface OrderRequest {
  customer_name: string;
  customer_email: string;
  items: Array<{ product_id: string; qty: number }>;
}

export function parseOrderBody(body: unknown): OrderRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw catalogErrors.invalidBody('send a JSON object {customer_name, customer_email, items}');
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b)) if (!['customer_name', 'customer_email', 'items'].includes(k)) throw catalogErrors.invalidBody(`unknown field ${JSON.stringify(k.slice(0, 40))}`);
  const name = b.customer_name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200 || hasControl(name)) throw catalogErrors.invalidBody('customer_name must be a non-empty string of at most 200 characters, without control characters');
  const email = b.customer_email;
  if (typeof email !== 'string' || email.length > 254 || !EMAIL_RE.test(email) || hasControl(email)) throw catalogErrors.invalidBody('customer_email must be an email address');
  const items = b.items;
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS) throw catalogErrors.invalidBody(`items must be a list of 1 to ${MAX_ITEMS} {product_id, qty}`);
  const seen = new Set<string>();
  const parsed = items.map((it: unknown, i) => {
    if (typeof it !== 'object' || it === null || Array.isArray(it)) throw catalogErrors.invalidBody(`items[${i}] must be an object {product_id, qty}`);
    const { product_id: pid, qty, ...rest } = it as Record<string, unknown>;
    if (Object.keys(rest).length > 0) throw catalogErrors.invalidBody(`items[${i}] has unknown fields`);
    if (typeof pid !== 'string' || !isUuid(pid)) throw catalogErrors.invalidBody(`items[${i}].product_id must be a UUID`);
    if (typeof qty !== 'number' || !Number.isInteger(qty) || qty < 1 || qty > MAX_QTY) throw catalogErrors.invalidBody(`items[${i}].qty must be a whole number from 1 to ${MAX_QTY}`);
    const id = pid.toLowerCase();
    if (seen.has(id)) throw catalogErrors.invalidBody(`items[${i}].product_id repeats an earlier item; send one line per product`);
    seen.add(id);
    return { product_id: id, qty };
  });
  return { customer_name: name, customer_email: email, items: parsed };
}
