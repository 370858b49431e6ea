/*
 * Binary COPY fields BinaryCopyWriter has no method for (int4, numeric with two decimals), written through its
 * public raw-field calls (beginText/endText frame any field with its length), and the row loop every table's
 * renderer shares.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';

export function int4(w: BinaryCopyWriter, n: number): void {
  const at = w.beginText();
  w.byte((n >>> 24) & 255);
  w.byte((n >>> 16) & 255);
  w.byte((n >>> 8) & 255);
  w.byte(n & 255);
  w.endText(at);
}

function int16(w: BinaryCopyWriter, n: number): void {
  w.byte((n >>> 8) & 255);
  w.byte(n & 255);
}

/**
 * numeric(p, 2) from a whole number of cents, 0 <= cents < 1,000,000 (up to 9,999.99). Postgres's binary numeric:
 * ndigits, weight, sign, dscale, then base-10000 digits, trailing zero digits stripped. No allocation: this runs
 * once or twice per row on the seeder's one rendering thread.
 */
export function numericCents(w: BinaryCopyWriter, cents: number): void {
  const whole = Math.floor(cents / 100);
  const frac = (cents % 100) * 100;
  const at = w.beginText();
  const n = (whole > 0 ? 1 : 0) + (frac > 0 ? 1 : 0);
  int16(w, n);
  int16(w, whole > 0 || n === 0 ? 0 : -1);
  int16(w, 0); // positive
  int16(w, 2);
  if (whole > 0) int16(w, whole);
  if (frac > 0) int16(w, frac);
  w.endText(at);
}

/** Pre-encoded ASCII (vocabulary words, queries): rendered rows copy bytes instead of walking strings. */
export function asciiBytes(s: string): Uint8Array {
  return Buffer.from(s, 'latin1');
}

/** A text field "a b c" of three pre-encoded words. */
export function threeWords(w: BinaryCopyWriter, a: Uint8Array, b: Uint8Array, c: Uint8Array): void {
  const at = w.beginText();
  w.raw(a);
  w.byte(32);
  w.raw(b);
  w.byte(32);
  w.raw(c);
  w.endText(at);
}

/** Rows first..first+count-1 (ids), each written by `row`, as chunks of about chunkBytes. */
export function* renderRows(chunkBytes: number, first: number, count: number, maxRowBytes: number, row: (w: BinaryCopyWriter, id: number) => void): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(chunkBytes);
  for (let id = first; id < first + count; id++) {
    if (w.full(maxRowBytes)) yield w.take();
    row(w, id);
  }
  yield w.finish();
}
