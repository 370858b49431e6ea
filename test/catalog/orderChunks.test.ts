/*
 * The orders COPY stream is written by a fast path (seeders/catalog/orderChunks.ts) that must stay byte-for-byte
 * the stream rendered from orderRow() objects, which the naive variant's kv_store values are made from: the
 * two variants' orders are then the same rows.
 */
import { describe, expect, it } from 'vitest';
import { orderChunks, orderChunksFromRows } from '../../seeders/catalog/tableUnits.ts';

describe('catalog orders COPY stream', () => {
  it.each([[1, 3], [7, 9]])('the fast writer renders exactly the bytes of the row objects (clients %i..%i)', (from, to) => {
    const ctx = { seed: 7, clients: to, asOfMs: Date.UTC(2026, 2, 1, 13) };
    const bytes = (chunks: Iterable<{ bytes: Buffer }>) => Buffer.concat([...chunks].map((c) => c.bytes));
    const fast = bytes(orderChunks(ctx, from, to));
    expect(fast.length).toBeGreaterThan(100_000);
    expect(fast.equals(bytes(orderChunksFromRows(ctx, from, to)))).toBe(true);
  });
});
