/*
 * Binary COPY encodings BinaryCopyWriter does not have: numeric with 2 decimals (money, from integer paise),
 * float8 (coordinates) and jsonb (version byte 1 + the JSON text). Each fills a scratch buffer and hands it to
 * the writer's length-prefixed bytes(), so the hot loop allocates nothing.
 * Formats: numeric_send (ndigits, weight, sign, dscale, base-10000 digits), float8send (IEEE 754, big-endian),
 * jsonb_send (version 1, then text).
 */
import type { BinaryCopyWriter } from '../engine/BinaryCopyWriter.ts';

const scratch = new Uint8Array(32);
const view = new DataView(scratch.buffer);
/** scratch's first n bytes, one view per length made once (numeric is 8 + 2 x digits bytes). */
const prefixes = Array.from({ length: 33 }, (_, n) => scratch.subarray(0, n));
const float8Bytes = new Uint8Array(8);
const float8View = new DataView(float8Bytes.buffer);
const groups = [0, 0, 0, 0, 0];
const encoder = new TextEncoder();

/** A numeric(…,2) of `paise` hundredths (|paise| < 10^18). */
export function numericPaise(w: BinaryCopyWriter, paise: number): void {
  const a = Math.abs(paise);
  let int = Math.floor(a / 100);
  const frac = a % 100;
  let n = 0;
  while (int > 0) {
    groups[n++] = int % 10000;
    int = Math.floor(int / 10000);
  }
  const ndigits = n + (frac > 0 ? 1 : 0);
  const weight = n > 0 ? n - 1 : frac > 0 ? -1 : 0;
  view.setInt16(0, ndigits);
  view.setInt16(2, weight);
  view.setUint16(4, paise < 0 && ndigits > 0 ? 0x4000 : 0);
  view.setInt16(6, 2);
  let o = 8;
  for (let i = n - 1; i >= 0; i--, o += 2) view.setInt16(o, groups[i]!);
  if (frac > 0) {
    view.setInt16(o, frac * 100);
    o += 2;
  }
  w.bytes(prefixes[o]!);
}

export function float8(w: BinaryCopyWriter, x: number): void {
  float8View.setFloat64(0, x);
  w.bytes(float8Bytes);
}

/** A jsonb value, pre-encoded once (jsonb's binary form: version byte 1, then the text). */
export function jsonbBytes(json: string): Uint8Array {
  const text = encoder.encode(json);
  const out = new Uint8Array(text.length + 1);
  out[0] = 1;
  out.set(text, 1);
  return out;
}
