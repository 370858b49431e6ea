/*
 * ack=committed (issue 14): an offerCommitted() promise resolves only after the batch holding its line has been
 * written, never after a failed attempt, and the waiters of one batch resolve in arrival order. close() answers
 * the ones still waiting once their batch is written.
 */
import { describe, expect, it } from 'vitest';
import { WriteBuffer } from '../../reference-impl/platform/writeBuffer/WriteBuffer.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function buffer(write: (batch: string[]) => Promise<void>, flushMaxEvents = 3): WriteBuffer {
  return new WriteBuffer({
    flushIntervalMs: 60_000, // only the size trigger and the retry timer flush in these tests
    flushMaxEvents,
    maxEvents: 10,
    retryBaseMs: 20,
    write,
    events: { flushed: () => undefined, flushFailed: () => undefined },
    log: quiet,
  });
}

describe('WriteBuffer ack=committed', () => {
  it('resolves each waiter only after the write that stores its batch succeeds, in arrival order', async () => {
    const log: string[] = [];
    let attempts = 0;
    const b = buffer(async (batch) => {
      attempts++;
      log.push(`write ${attempts}: ${batch.join(',')}`);
      if (attempts < 3) throw new Error('connection refused');
      log.push('committed');
    });
    b.start();
    const answers = ['a', 'b', 'c'].map((line) => b.offerCommitted(line).then((r) => log.push(`${line} ${r}`)));
    // Two failed attempts (20 ms, then 40 ms backoff) come first; no waiter may resolve before the third.
    await Promise.all(answers);
    expect(log).toEqual(['write 1: a,b,c', 'write 2: a,b,c', 'write 3: a,b,c', 'committed', 'a accepted', 'b accepted', 'c accepted']);
    expect(b.waiting).toBe(0);
    expect(b.depth).toBe(0);
    await b.close();
  });

  it('keeps waiters of a failed batch ahead of later ones, and close() answers them once written', async () => {
    const order: string[] = [];
    let fail = true;
    const b = buffer(async (batch) => {
      if (fail) {
        fail = false;
        throw new Error('deadlock detected');
      }
      order.push(`stored ${batch.join(',')}`);
    }, 2);
    b.start();
    const first = ['a', 'b'].map((l) => b.offerCommitted(l).then((r) => order.push(`${l} ${r}`)));
    const mixed = b.offer('x'); // a buffered offer shares the batch and has no waiter
    const late = b.offerCommitted('c').then((r) => order.push(`c ${r}`));
    expect(mixed).toBe('accepted');
    expect(b.waiting).toBe(3);
    await b.close(); // drains through the retry
    await Promise.all([...first, late]);
    expect(order).toEqual(['stored a,b,x,c', 'a accepted', 'b accepted', 'c accepted']);
    expect(await b.offerCommitted('d')).toBe('closed');
  });

  it("answers 'full' at once when the bound is reached", async () => {
    const b = new WriteBuffer({
      flushIntervalMs: 60_000, flushMaxEvents: 100, maxEvents: 1, write: async () => undefined,
      events: { flushed: () => undefined, flushFailed: () => undefined }, log: quiet,
    });
    const first = b.offerCommitted('a');
    expect(await b.offerCommitted('b')).toBe('full');
    await b.close();
    expect(await first).toBe('accepted');
  });
});
