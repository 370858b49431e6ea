/*
 * Binary COPY encodings the catalog tables need beyond seeders/engine/BinaryCopyWriter's: uuid (16 raw bytes),
 * numeric(10,2) from integer cents (Postgres's base-10000 digit format) and jsonb (version byte 1, then the
 * JSON text). Each is written as one length-prefixed field through the writer's public methods.
 */
import type { BinaryCopyWriter } from '../engine/BinaryCopyWriter.ts';

const HEX_VALUE = new Uint8Array(128);
for (let i = 0; i < 10; i++) HEX_VALUE[48 + i] = i;
for (let i = 0; i < 6; i++) HEX_VALUE[97 + i] = 10 + i;

/** A uuid field from its canonical lowercase text. */
const UUID = new Uint8Array(16); // reused: bytes() copies it into the chunk

export function uuidField(w: BinaryCopyWriter, id: string): void {
  const b = UUID;
  let n = 0;
  for (let i = 0; i < id.length && n < 16; i++) {
    const ch = id.charCodeAt(i);
    if (ch === 45) continue; // '-'
    b[n++] = (HEX_VALUE[ch]! << 4) | HEX_VALUE[id.charCodeAt(++i)]!;
  }
  w.bytes(b);
}

/** A numeric with two decimals from whole cents (>= 0): ndigits, weight, sign, dscale, then base-10000 digits. */
export function centsField(w: BinaryCopyWriter, cents: number): void {
  const whole = Math.floor(cents / 100);
  const frac = (cents % 100) * 100; // .45 -> digit 4500
  const digits: number[] = [];
  for (let x = whole; x > 0; x = Math.floor(x / 10000)) digits.unshift(x % 10000);
  let weight = digits.length - 1;
  if (frac > 0) digits.push(frac);
  if (digits.length === 0) weight = 0;
  if (whole === 0 && frac > 0) weight = -1;
  const b = new Uint8Array(8 + 2 * digits.length);
  const put16 = (at: number, v: number) => {
    b[at] = (v >>> 8) & 255;
    b[at + 1] = v & 255;
  };
  put16(0, digits.length);
  put16(2, weight & 0xffff);
  put16(4, 0); // positive
  put16(6, 2); // dscale: two decimals, as numeric(10,2)
  digits.forEach((d, i) => put16(8 + 2 * i, d));
  w.bytes(b);
}

/** An integer (int4) field. */
export function int4Field(w: BinaryCopyWriter, n: number): void {
  w.bytes(new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]));
}

/** A jsonb field from JSON text. */
export function jsonbField(w: BinaryCopyWriter, json: string): void {
  const at = w.beginText();
  w.byte(1);
  w.raw(Buffer.from(json, 'utf8'));
  w.endText(at);
}

/** Bytes a jsonb field of this JSON takes at most (length prefix, version byte, UTF-8 worst case). */
export function jsonbBound(json: string): number {
  return 5 + json.length * 3;
}
