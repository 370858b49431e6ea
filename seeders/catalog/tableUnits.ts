/*
 * The optimized variant's COPY units: one per table, orders cut into client ranges so both streams share the
 * biggest table (without FREEZE for those: COPY FREEZE needs the relation truncated in the COPY's own
 * transaction, which parallel units of one table cannot all do). Rows come from rows/catalogRows.ts.
 */
import { BinaryCopyWriter, type CopyChunk } from '../engine/BinaryCopyWriter.ts';
import type { LoadUnit } from '../engine/LoadUnit.ts';
import { MONTHS, ordersPerMonthOf } from '../../scenarios/catalog/layout.ts';
import { centsField, int4Field, jsonbField, uuidField } from './copyFields.ts';
import { fastOrderChunks } from './orderChunks.ts';
import {
  catalogRowCounts, catalogRows, clientRows, exclusionRows, orderRows, productRows, siteRows, type CatalogRowContext, type OrderRow,
} from './rows/catalogRows.ts';

const CHUNK_BYTES = 256 * 1024;
const ROW_BOUND = 4096;

export const ORDER_COLUMNS = ['id', 'client_id', 'site_id', 'order_number', 'customer_name', 'customer_email', 'status', 'total_amount', 'currency', 'items', 'created_at'] as const;

function* rendered<T>(rows: Iterable<T>, fields: number, write: (w: BinaryCopyWriter, row: T) => void, bound = () => ROW_BOUND): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(CHUNK_BYTES);
  for (const row of rows) {
    if (w.full(bound())) yield w.take();
    w.row(fields);
    write(w, row);
  }
  yield w.finish();
}

/** The items JSON of an order as both variants store it. */
export function itemsJson(o: OrderRow): string {
  return JSON.stringify(o.items);
}

export function writeOrder(w: BinaryCopyWriter, o: OrderRow): void {
  uuidField(w, o.id);
  uuidField(w, o.client_id);
  uuidField(w, o.site_id);
  w.ascii(o.order_number);
  w.ascii(o.customer_name);
  w.ascii(o.customer_email);
  w.ascii(o.status);
  centsField(w, o.total_cents);
  w.ascii(o.currency);
  jsonbField(w, itemsJson(o));
  w.timestamptzMs(o.created_at_ms);
}

/** Orders of clients [from, to] as one COPY stream (the fast writer; orderChunksFromRows is its reference). */
export function orderChunks(ctx: CatalogRowContext, from: number, to: number): Generator<CopyChunk> {
  return fastOrderChunks(ctx, from, to);
}

/** The same stream rendered from OrderRow objects: slower, kept as the reference the fast writer is tested against. */
export function orderChunksFromRows(ctx: CatalogRowContext, from: number, to: number): Generator<CopyChunk> {
  return rendered(orderRows(ctx, from, to), ORDER_COLUMNS.length, writeOrder);
}

/** Client ranges holding about equal shares of the orders. */
export function orderRanges(clients: number, parts: number): Array<{ from: number; to: number; rows: number }> {
  const total = Array.from({ length: clients }, (_, i) => ordersPerMonthOf(i + 1) * MONTHS).reduce((a, b) => a + b, 0);
  const out: Array<{ from: number; to: number; rows: number }> = [];
  let from = 1;
  let rows = 0;
  for (let c = 1; c <= clients; c++) {
    rows += ordersPerMonthOf(c) * MONTHS;
    if (rows >= total / parts || c === clients) {
      out.push({ from, to: c, rows });
      from = c + 1;
      rows = 0;
    }
  }
  return out;
}

export function tableUnits(ctx: CatalogRowContext, orderParts: number): LoadUnit[] {
  const counts = catalogRowCounts(ctx.clients);
  const unit = (table: string, columns: readonly string[], weight: number, render: () => Generator<CopyChunk>): LoadUnit => ({
    table, relation: table, columns, rows: counts[table]!, weight: counts[table]! * weight, render,
  });
  const orders: LoadUnit[] = orderRanges(ctx.clients, orderParts).map((r) => ({
    table: 'orders', relation: 'orders', columns: ORDER_COLUMNS, rows: r.rows, weight: r.rows * 400, render: () => orderChunks(ctx, r.from, r.to),
  }));
  return [
    ...orders,
    unit('products', ['id', 'catalog_id', 'sku', 'name', 'description', 'category', 'brand', 'price', 'currency', 'inventory_count', 'is_active', 'created_at', 'updated_at'], 200,
      () => rendered(productRows(ctx), 13, (w, p) => {
        uuidField(w, p.id);
        uuidField(w, p.catalog_id);
        w.ascii(p.sku);
        w.ascii(p.name);
        w.ascii(p.description);
        w.ascii(p.category);
        w.ascii(p.brand);
        centsField(w, p.price_cents);
        w.ascii(p.currency);
        int4Field(w, p.inventory_count);
        w.bool(p.is_active);
        w.timestamptzMs(p.created_at_ms);
        w.timestamptzMs(p.created_at_ms);
      })),
    unit('site_product_exclusions', ['site_id', 'product_id', 'reason', 'created_at'], 70, () => rendered(exclusionRows(ctx), 4, (w, e) => {
      uuidField(w, e.site_id);
      uuidField(w, e.product_id);
      w.ascii(e.reason);
      w.timestamptzMs(e.created_at_ms);
    })),
    unit('sites', ['id', 'client_id', 'name', 'domain', 'status', 'catalog_id', 'created_at'], 150, () => rendered(siteRows(ctx), 7, (w, s) => {
      uuidField(w, s.id);
      uuidField(w, s.client_id);
      w.ascii(s.name);
      w.ascii(s.domain);
      w.ascii(s.status);
      uuidField(w, s.catalog_id);
      w.timestamptzMs(s.created_at_ms);
    })),
    unit('catalogs', ['id', 'name', 'type', 'source', 'status', 'owner_id', 'created_at'], 120, () => rendered(catalogRows(ctx), 7, (w, c) => {
      uuidField(w, c.id);
      w.ascii(c.name);
      w.ascii(c.type);
      w.ascii(c.source);
      w.ascii(c.status);
      uuidField(w, c.owner_id);
      w.timestamptzMs(c.created_at_ms);
    })),
    unit('clients', ['id', 'name', 'slug', 'contact_email', 'is_active', 'created_at'], 120, () => rendered(clientRows(ctx), 6, (w, c) => {
      uuidField(w, c.id);
      w.ascii(c.name);
      w.ascii(c.slug);
      w.ascii(c.contact_email);
      w.bool(c.is_active);
      w.timestamptzMs(c.created_at_ms);
    })),
  ];
}
