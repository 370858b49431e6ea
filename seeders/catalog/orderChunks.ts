/*
 * The orders table's COPY stream, written straight into the binary writer: orders are the largest table and
 * their rendering, not Postgres, bounded the load (an OrderRow object, its id strings and JSON.stringify per
 * row measured 0.36x the raw COPY rate on the contended 2-core box). The values are those of
 * rows/catalogRows.ts orderRow() (both read orderDraws()); ids are written as bytes, names, emails and each
 * product's item JSON are pre-encoded once per client.
 */
import { BinaryCopyWriter, type CopyChunk } from '../engine/BinaryCopyWriter.ts';
import { KIND, MONTHS, ordersPerMonthOf } from '../../scenarios/catalog/layout.ts';
import { money } from '../../reference-impl/catalog/documents.ts';
import { CUSTOMER_FIRST, CUSTOMER_LAST, monthSpan, orderDraws, productBrief, type CatalogRowContext } from './rows/catalogRows.ts';

const CHUNK_BYTES = 256 * 1024;
const ROW_BOUND = 4096;
const enc = (s: string) => Buffer.from(s, 'utf8');
const NAMES = CUSTOMER_FIRST.map((f) => CUSTOMER_LAST.map((l) => enc(`${f} ${l}`)));
const EMAILS = CUSTOMER_FIRST.map((f) => CUSTOMER_LAST.map((l) => enc(`${f}.${l}.`.toLowerCase())));
const EMAIL_DOMAIN = '@recipients.example.org';
const STATUS = new Map(['pending', 'processing', 'shipped', 'delivered', 'cancelled'].map((s) => [s, enc(s)]));
const USD = enc('USD');
const UUID = new Uint8Array(16);

/** A uuid field of entityId(kind, client, index) (scenarios/catalog/layout.ts), from the numbers. */
function uuidOf(w: BinaryCopyWriter, kind: number, client: number, index: number): void {
  UUID[0] = kind;
  UUID[1] = (client >>> 16) & 255;
  UUID[2] = (client >>> 8) & 255;
  UUID[3] = client & 255;
  UUID[6] = 0x40;
  UUID[8] = 0x80;
  const hi = Math.floor(index / 4294967296);
  UUID[10] = (hi >>> 8) & 255;
  UUID[11] = hi & 255;
  UUID[12] = (index >>> 24) & 255;
  UUID[13] = (index >>> 16) & 255;
  UUID[14] = (index >>> 8) & 255;
  UUID[15] = index & 255;
  w.bytes(UUID);
}

/** numeric(10,2) from cents, as copyFields.centsField, without its allocation per call for small amounts. */
function cents(w: BinaryCopyWriter, v: number): void {
  const whole = Math.floor(v / 100);
  const frac = (v % 100) * 100;
  const digits: number[] = [];
  for (let x = whole; x > 0; x = Math.floor(x / 10000)) digits.unshift(x % 10000);
  let weight = digits.length - 1;
  if (frac > 0) digits.push(frac);
  if (digits.length === 0) weight = 0;
  if (whole === 0 && frac > 0) weight = -1;
  const b = new Uint8Array(8 + 2 * digits.length);
  b[0] = 0;
  b[1] = digits.length;
  b[2] = (weight >>> 8) & 255;
  b[3] = weight & 255;
  b[7] = 2;
  for (let i = 0; i < digits.length; i++) {
    b[8 + 2 * i] = digits[i]! >>> 8;
    b[9 + 2 * i] = digits[i]! & 255;
  }
  w.bytes(b);
}

interface ItemJson { head: Buffer; tail: Buffer; cents: number }

/** {"product_id":..,"sku":..,"name":..,"qty": | ,"unit_price":".."} of each product of client c, on first use. */
function itemJson(ctx: CatalogRowContext, c: number, k: number, cache: Map<number, ItemJson>): ItemJson {
  let j = cache.get(k);
  if (j === undefined) {
    const p = productBrief(ctx, c, k);
    j = { head: enc(`{"product_id":"${p.id}","sku":${JSON.stringify(p.sku)},"name":${JSON.stringify(p.name)},"qty":`), tail: enc(`,"unit_price":"${money(p.cents)}"}`), cents: p.cents };
    cache.set(k, j);
  }
  return j;
}

/** Orders of clients [from, to], columns as tableUnits.ORDER_COLUMNS. */
export function* fastOrderChunks(ctx: CatalogRowContext, from: number, to: number): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(CHUNK_BYTES);
  const spans = Array.from({ length: MONTHS }, (_, m) => monthSpan(ctx, m));
  const items: ItemJson[] = [];
  for (let c = from; c <= to; c++) {
    const cache = new Map<number, ItemJson>();
    const perMonth = ordersPerMonthOf(c);
    for (let m = 0; m < MONTHS; m++) {
      for (let i = 0; i < perMonth; i++) {
        if (w.full(ROW_BOUND)) yield w.take();
        const d = orderDraws(ctx, c, m, i, spans[m]!);
        items.length = 0;
        let total = 0;
        for (let n = 0; n < d.products.length; n++) {
          const j = itemJson(ctx, c, d.products[n]!, cache);
          items.push(j);
          total += d.qtys[n]! * j.cents;
        }
        w.row(11);
        uuidOf(w, KIND.order, c, m * 1_000_000 + i);
        uuidOf(w, KIND.client, c, 0);
        uuidOf(w, KIND.site, c, d.site);
        const num = w.beginText(); // ORD-c-m-i
        w.asciiRaw('ORD-');
        w.digitsRaw(c, 1);
        w.byte(45);
        w.digitsRaw(m, 1);
        w.byte(45);
        w.digitsRaw(i, 1);
        w.endText(num);
        w.bytes(NAMES[d.first]![d.last]!);
        const email = w.beginText(); // first.last.c.m.i@recipients.example.org
        w.raw(EMAILS[d.first]![d.last]!);
        w.digitsRaw(c, 1);
        w.byte(46);
        w.digitsRaw(m, 1);
        w.byte(46);
        w.digitsRaw(i, 1);
        w.asciiRaw(EMAIL_DOMAIN);
        w.endText(email);
        w.bytes(STATUS.get(d.status)!);
        cents(w, total);
        w.bytes(USD);
        const json = w.beginText(); // jsonb: version 1, then the items array
        w.byte(1);
        w.byte(91);
        for (let n = 0; n < items.length; n++) {
          if (n > 0) w.byte(44);
          w.raw(items[n]!.head);
          w.digitsRaw(d.qtys[n]!, 1);
          w.raw(items[n]!.tail);
        }
        w.byte(93);
        w.endText(json);
        w.timestamptzMs(d.createdMs);
      }
    }
  }
  yield w.finish();
}
