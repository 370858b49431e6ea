/*
 * Bad input never reaches a query and never earns a 5xx: each malformed request below gets a 4xx with
 * {"error":{"code","message"}}. Afterwards nothing was stored and the tables are intact.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countEvents, insertPins } from './helpers/insertPins.ts';
import { startTestApi, type TestApi } from './helpers/testApi.ts';

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  payload?: string;
  status: number;
  code: string;
}

const JSON_CT = { 'content-type': 'application/json' };
const ev = (payload: string, headers: Record<string, string> = JSON_CT, url = '/pins/P0000001/events'): Pick<Case, 'method' | 'url' | 'headers' | 'payload'> =>
  ({ method: 'POST', url, headers, payload });

const cases: Case[] = [
  { name: 'PIN number without the P', method: 'GET', url: '/pin/public/0000001', status: 400, code: 'INVALID_PIN_NUMBER' },
  { name: 'PIN number too short', method: 'GET', url: '/pin/public/P123', status: 400, code: 'INVALID_PIN_NUMBER' },
  { name: 'PIN number too long', method: 'GET', url: '/pin/public/P0000000000001', status: 400, code: 'INVALID_PIN_NUMBER' },
  { name: 'PIN number zero', method: 'GET', url: '/pin/public/P0000000', status: 400, code: 'INVALID_PIN_NUMBER' },
  { name: 'lower-case PIN number', method: 'GET', url: '/pin/public/p0000001', status: 400, code: 'INVALID_PIN_NUMBER' },
  { name: 'SQL in the PIN number', method: 'GET', url: `/pin/public/${encodeURIComponent("P0000001' OR '1'='1")}`, status: 400, code: 'INVALID_PIN_NUMBER' },
  { name: 'stacked SQL in the PIN number', method: 'GET', url: `/pin/public/${encodeURIComponent('P0000001;DROP TABLE profiles;--')}`, status: 400, code: 'INVALID_PIN_NUMBER' },
  { name: 'unicode digits in the PIN number', method: 'GET', url: `/pin/public/${encodeURIComponent('P٠٠٠٠٠٠١')}`, status: 400, code: 'INVALID_PIN_NUMBER' },
  { name: 'broken percent-encoding', method: 'GET', url: '/pin/public/%E0%A4%A', status: 400, code: 'BAD_URL' },
  { name: 'unknown analytics window', method: 'GET', url: '/pins/P0000001/analytics?window=7d', status: 400, code: 'INVALID_WINDOW' },
  { name: 'two analytics windows', method: 'GET', url: '/pins/P0000001/analytics?window=30d&window=90d', status: 400, code: 'INVALID_WINDOW' },
  { name: 'SQL in the analytics window', method: 'GET', url: `/pins/P0000001/analytics?window=${encodeURIComponent("30d'; DELETE FROM pin_analytics;--")}`, status: 400, code: 'INVALID_WINDOW' },
  { name: 'malformed PIN number for analytics', method: 'GET', url: '/pins/bad/analytics', status: 400, code: 'INVALID_PIN_NUMBER' },
  { name: 'user id zero', method: 'GET', url: '/users/0', status: 400, code: 'INVALID_USER_ID' },
  { name: 'negative user id', method: 'GET', url: '/users/-1', status: 400, code: 'INVALID_USER_ID' },
  { name: 'non-numeric user id', method: 'GET', url: '/users/abc', status: 400, code: 'INVALID_USER_ID' },
  { name: 'SQL in the user id', method: 'GET', url: `/users/${encodeURIComponent('1 OR 1=1')}`, status: 400, code: 'INVALID_USER_ID' },
  { name: 'user id beyond bigint', method: 'GET', url: '/users/99999999999999999999', status: 400, code: 'INVALID_USER_ID' },
  { name: 'body that is not JSON', ...ev('{"event_type": view'), status: 400, code: 'INVALID_JSON' },
  { name: 'empty JSON body', ...ev(''), status: 400, code: 'EMPTY_BODY' },
  { name: 'text/plain body', ...ev('view', { 'content-type': 'text/plain' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'XML body', ...ev('<event type="view"/>', { 'content-type': 'application/xml' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'form-encoded body', ...ev('event_type=view', { 'content-type': 'application/x-www-form-urlencoded' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'oversized body', ...ev(JSON.stringify({ event_type: 'view', pad: 'x'.repeat(4096) })), status: 413, code: 'BODY_TOO_LARGE' },
  { name: 'unknown event type', ...ev('{"event_type":"purchase"}'), status: 400, code: 'INVALID_BODY' },
  { name: 'missing event type', ...ev('{}'), status: 400, code: 'INVALID_BODY' },
  { name: 'numeric event type', ...ev('{"event_type":1}'), status: 400, code: 'INVALID_BODY' },
  { name: 'event type in an array', ...ev('{"event_type":["view"]}'), status: 400, code: 'INVALID_BODY' },
  { name: 'JSON array body', ...ev('[{"event_type":"view"}]'), status: 400, code: 'INVALID_BODY' },
  { name: 'JSON string body', ...ev('"view"'), status: 400, code: 'INVALID_BODY' },
  { name: 'JSON null body', ...ev('null'), status: 400, code: 'INVALID_BODY' },
  { name: 'SQL as the event type', ...ev(JSON.stringify({ event_type: "view'); DROP TABLE pin_analytics;--" })), status: 400, code: 'INVALID_BODY' },
  { name: 'prototype poisoning', ...ev('{"event_type":"view","__proto__":{"polluted":true}}'), status: 400, code: 'INVALID_JSON' },
  { name: 'malformed PIN number on an event', ...ev('{"event_type":"view"}', JSON_CT, '/pins/P00%2700001/events'), status: 400, code: 'INVALID_PIN_NUMBER' },
  { name: 'unknown route', method: 'GET', url: '/admin', status: 404, code: 'NOT_FOUND' },
  { name: 'wrong method', method: 'DELETE', url: '/pin/public/P0000001', status: 404, code: 'NOT_FOUND' },
  { name: 'overlong path parameter', method: 'GET', url: `/pin/public/P${'1'.repeat(300)}`, status: 414, code: 'URI_TOO_LONG' },
];

describe('malformed requests', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('bad input', { redisUrl: undefined, bodyLimitBytes: 1024, flushIntervalMs: 50 });
    await insertPins(api.database.url, [1]);
  });
  afterAll(async () => {
    await api.close();
  });

  it.each(cases)('$name ($method $url) answers $status $code', async (c) => {
    const res = await api.app.inject({ method: c.method, url: c.url, headers: c.headers, payload: c.payload });
    expect(res.statusCode).toBe(c.status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json() as { error: { code: string; message: string } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(c.code);
    expect(typeof body.error.message).toBe('string');
    expect(body.error.message.length).toBeGreaterThan(0);
  });

  it('stored nothing, kept every table and still serves good requests after all of them', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect((await api.app.inject({ method: 'GET', url: '/pin/public/P0000001' })).statusCode).toBe(200);
    expect((await api.app.inject({ method: 'GET', url: '/users/1' })).statusCode).toBe(200);
    await api.app.scaleproof.buffers.get('events')!.close();
    expect(await countEvents(api.database.url)).toBe(0);
    const metrics = (await api.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).not.toMatch(/status_code="5\d\d"/);
  });

  it('answers a request Node cannot parse as HTTP with a 400 in the same JSON shape', async () => {
    const other = await startTestApi('bad http', { redisUrl: undefined });
    try {
      await other.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (other.app.server.address() as net.AddressInfo).port;
      const raw = await new Promise<string>((resolve, reject) => {
        const s = net.connect(port, '127.0.0.1', () => s.write('GET /pin/public/P0000001 HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n'));
        let out = '';
        s.on('data', (b) => (out += b.toString()));
        s.on('end', () => resolve(out));
        s.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 400 /);
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { error: { code: string } };
      expect(body.error.code).toBe('BAD_HTTP');
    } finally {
      await other.close();
    }
  });
});
