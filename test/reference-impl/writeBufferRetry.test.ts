/*
 * The retry after a failed flush must happen even when the retry timer fires a moment before Date.now()
 * reaches the end of the backoff (timers run on the monotonic clock, Date.now() on the wall clock).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WriteBuffer } from '../../reference-impl/platform/writeBuffer/WriteBuffer.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('WriteBuffer retry', () => {
  it('retries a failed flush when its timer fires, even 1 ms before Date.now() says the backoff is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    let wall = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => wall);
    const writes: string[][] = [];
    let fail = true;
    const buffer = new WriteBuffer({
      flushIntervalMs: 600_000, // no interval tick can rescue a missed retry within this test
      flushMaxEvents: 2,
      maxEvents: 10,
      retryBaseMs: 100,
      write: async (batch) => {
        writes.push([...batch]);
        if (fail) throw new Error('locked');
      },
      events: { flushed: () => undefined, flushFailed: () => undefined },
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    buffer.start();
    expect(buffer.offer('a')).toBe('accepted');
    expect(buffer.offer('b')).toBe('accepted'); // reaches flushMaxEvents: first flush, which fails
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
    expect(buffer.depth).toBe(2); // kept, not dropped

    fail = false;
    wall += 99; // the wall clock lags the timer by 1 ms when the 100 ms backoff timer fires
    await vi.advanceTimersByTimeAsync(100);
    expect(writes).toHaveLength(2);
    expect(writes[1]).toEqual(['a', 'b']);
    expect(buffer.depth).toBe(0);
    await buffer.close();
  });
});
