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
 * ndigits, weight, sign, dscale, then base-10000 digits, trailing zero digits stripped.
 */
export function numericCents(w: BinaryCopyWriter, cents: number): void {
  const whole = Math.floor(cents / 100);
  const frac = (cents % 100) * 100;
  const at = w.beginText();
  const digits = whole > 0 ? (frac > 0 ? [whole, frac] : [whole]) : frac > 0 ? [frac] : [];
  int16(w, digits.length);
  int16(w, whole > 0 || digits.length === 0 ? 0 : -1);
  int16(w, 0); // positive
  int16(w, 2);
  for (const d of digits) int16(w, d);
  w.endText(at);
}

/** A text field made of ASCII parts. */
export function asciiParts(w: BinaryCopyWriter, ...parts: string[]): void {
  const at = w.beginText();
  for (const p of parts) w.asciiRaw(p);
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
