/*
 * POST /pins/:number/events and the write buffer over real Postgres: 202s become rows (one COPY per flush);
 * a full buffer answers 503 + Retry-After; a flush that fails is counted and retried and loses nothing.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { countEvents } from './helpers/insertPins.ts';
import { startTestApi, type TestApi } from './helpers/testApi.ts';
import { waitFor } from './helpers/waitFor.ts';

const post = (api: TestApi, pin: string, eventType: string) =>
  api.app.inject({ method: 'POST', url: `/pins/${pin}/events`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ event_type: eventType }) });

function metric(text: string, name: string): number {
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

describe('POST /pins/:number/events', () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('answers 202 {"accepted":1} and stores each accepted event with its pin id, number and type', async () => {
    api = await startTestApi('events stored', { redisUrl: undefined });
    const types = ['view', 'click', 'share', 'contact', 'save'];
    for (const t of types) {
      const res = await post(api, 'P0000042', t);
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ accepted: 1 });
    }
    await api.closeApp(); // flushes the buffer
    const c = new pg.Client({ connectionString: api.database.url });
    await c.connect();
    try {
      const rows = (await c.query<{ pin_id: string; pin_number: string; event_type: string; recent: boolean }>(
        "SELECT pin_id, pin_number, event_type, created_at > now() - interval '5 minutes' AS recent FROM pin_analytics ORDER BY id")).rows;
      expect(rows.map((r) => r.event_type)).toEqual(types);
      expect(rows.every((r) => r.pin_id === '42' && r.pin_number === 'P0000042' && r.recent)).toBe(true);
    } finally {
      await c.end();
    }
  });

  it('writes a batch in one statement when flushMaxEvents is reached', async () => {
    api = await startTestApi('events one copy per flush', { redisUrl: undefined, flushMaxEvents: 50, flushIntervalMs: 600_000 });
    await api.app.ready();
    const before = api.app.scaleproof.db.queryCount;
    for (let i = 0; i < 50; i++) expect((await post(api, 'P0000001', 'view')).statusCode).toBe(202);
    await waitFor('the size-triggered flush', async () => (await countEvents(api!.database.url)) === 50);
    expect(api.app.scaleproof.db.queryCount - before).toBe(1);
    const metrics = (await api.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metric(metrics, 'scaleproof_write_buffer_flushes_total')).toBe(1);
    expect(metric(metrics, 'scaleproof_write_buffer_events_written_total')).toBe(50);
  });

  it('answers 503 with Retry-After when the buffer is full during a failing flush, retries the flush, and stores every 202', async () => {
    api = await startTestApi('events backpressure', {
      redisUrl: undefined, bufferMaxEvents: 5, flushMaxEvents: 3, flushIntervalMs: 600_000, statementTimeoutMs: 300,
    });
    await api.app.ready(); // start-up partition maintenance is done before we lock the table
    const locker = new pg.Client({ connectionString: api.database.url });
    await locker.connect();
    let accepted = 0;
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE pin_analytics IN ACCESS EXCLUSIVE MODE'); // every COPY now waits, then times out

      const statuses: number[] = [];
      const retryAfter: string[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await post(api, 'P0000003', 'click');
        statuses.push(res.statusCode);
        if (res.statusCode === 202) accepted++;
        if (res.statusCode === 503) {
          expect(res.json()).toEqual({ error: { code: 'BUFFER_FULL', message: expect.any(String) } });
          retryAfter.push(String(res.headers['retry-after']));
        }
      }
      expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
      expect(statuses.slice(5)).toEqual([503, 503, 503]);
      expect(retryAfter.every((v) => Number(v) >= 1)).toBe(true);

      await waitFor('a failed flush', async () => metric((await api!.app.inject({ method: 'GET', url: '/metrics' })).body, 'scaleproof_write_buffer_flush_failures_total') >= 1);
      const metrics = (await api.app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(metric(metrics, 'scaleproof_write_buffer_depth')).toBe(5); // kept, not dropped
      expect(metric(metrics, 'scaleproof_events_rejected_total{reason="full"}')).toBe(3);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    await waitFor('the retried flush', async () => (await countEvents(api!.database.url)) === 5);
    expect((await post(api, 'P0000003', 'click')).statusCode).toBe(202); // room again
    accepted++;
    await api.closeApp();
    expect(await countEvents(api.database.url)).toBe(accepted);
  });

  it('stores events still buffered when the app closes', async () => {
    api = await startTestApi('events flushed on close', { redisUrl: undefined, flushIntervalMs: 600_000, flushMaxEvents: 1000 });
    for (let i = 0; i < 20; i++) expect((await post(api, 'P0000004', 'save')).statusCode).toBe(202);
    expect(await countEvents(api.database.url)).toBe(0);
    await api.closeApp();
    expect(await countEvents(api.database.url)).toBe(20);
  });
});
