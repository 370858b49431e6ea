/*
 * A table of malformed requests, sent to both variants: every one is answered 4xx with the platform's error
 * shape ({"error":{"code","message"}}), never a 5xx, and none reaches the database as a write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisTitle } from '../helpers/testRedis.ts';
import { seededRidersDatabase, startRidersApi, type RidersDatabase, type RidersTestApi, type RidersVariant } from './helpers/ridersTestApi.ts';

interface Bad { name: string; method: 'GET' | 'POST'; url: string; payload?: string; contentType?: string; status: number }

const JSON_TYPE = 'application/json';
const loc = (body: unknown) => JSON.stringify(body);
const TS = Date.parse('2026-10-14T10:00:00Z');

const BAD: Bad[] = [
  { name: 'rider id not a number', method: 'GET', url: '/riders/abc', status: 400 },
  { name: 'rider id zero', method: 'GET', url: '/riders/0', status: 400 },
  { name: 'rider id negative', method: 'GET', url: '/riders/-4', status: 400 },
  { name: 'rider id too long', method: 'GET', url: `/riders/${'9'.repeat(20)}`, status: 400 },
  { name: 'rider id with a decimal point', method: 'POST', url: '/riders/1.5/duty', payload: loc({ status: 'ON' }), status: 400 },
  { name: 'unknown rider', method: 'GET', url: '/riders/424242', status: 404 },
  { name: 'location: lat out of range', method: 'POST', url: '/riders/1/location', payload: loc({ lat: 91, lon: 72, ts: TS }), status: 400 },
  { name: 'location: lon out of range', method: 'POST', url: '/riders/1/location', payload: loc({ lat: 19, lon: -181, ts: TS }), status: 400 },
  { name: 'location: lat as a string', method: 'POST', url: '/riders/1/location', payload: loc({ lat: '19.0', lon: 72, ts: TS }), status: 400 },
  { name: 'location: ts missing', method: 'POST', url: '/riders/1/location', payload: loc({ lat: 19, lon: 72 }), status: 400 },
  { name: 'location: ts in seconds', method: 'POST', url: '/riders/1/location', payload: loc({ lat: 19, lon: 72, ts: Math.floor(TS / 1000) }), status: 400 },
  { name: 'location: ts not whole', method: 'POST', url: '/riders/1/location', payload: loc({ lat: 19, lon: 72, ts: TS + 0.5 }), status: 400 },
  { name: 'location: lat null', method: 'POST', url: '/riders/1/location', payload: loc({ lat: null, lon: 72, ts: TS }), status: 400 },
  { name: 'location: not JSON', method: 'POST', url: '/riders/1/location', payload: '{lat: 19', status: 400 },
  { name: 'location: empty body', method: 'POST', url: '/riders/1/location', payload: '', status: 400 },
  { name: 'location: text/plain', method: 'POST', url: '/riders/1/location', payload: 'lat=19', contentType: 'text/plain', status: 415 },
  { name: 'location: body an array', method: 'POST', url: '/riders/1/location', payload: '[19, 72]', status: 400 },
  { name: 'duty: unknown status', method: 'POST', url: '/riders/1/duty', payload: loc({ status: 'AUTO_OFF' }), status: 400 },
  { name: 'duty: lower case', method: 'POST', url: '/riders/1/duty', payload: loc({ status: 'on' }), status: 400 },
  { name: 'duty: unknown rider', method: 'POST', url: '/riders/424242/duty', payload: loc({ status: 'ON' }), status: 404 },
  { name: 'wallet: negative amount', method: 'POST', url: '/riders/1/wallet', payload: loc({ amount: -5, entry_type: 'earning' }), status: 400 },
  { name: 'wallet: zero amount', method: 'POST', url: '/riders/1/wallet', payload: loc({ amount: 0, entry_type: 'earning' }), status: 400 },
  { name: 'wallet: three decimals', method: 'POST', url: '/riders/1/wallet', payload: loc({ amount: 1.005, entry_type: 'earning' }), status: 400 },
  { name: 'wallet: too large', method: 'POST', url: '/riders/1/wallet', payload: loc({ amount: 100_000.01, entry_type: 'earning' }), status: 400 },
  { name: 'wallet: unknown entry type', method: 'POST', url: '/riders/1/wallet', payload: loc({ amount: 5, entry_type: 'bonus' }), status: 400 },
  { name: 'wallet: amount as a string', method: 'POST', url: '/riders/1/wallet', payload: loc({ amount: '5', entry_type: 'earning' }), status: 400 },
  { name: 'wallet: unknown rider', method: 'POST', url: '/riders/424242/wallet', payload: loc({ amount: 5, entry_type: 'earning' }), status: 404 },
  { name: 'city: unknown', method: 'GET', url: '/cities/atlantis/leaderboard', status: 404 },
  { name: 'city: upper case', method: 'GET', url: '/cities/MUMBAI/riders/active', status: 400 },
  { name: 'city: SQL in the slug', method: 'GET', url: "/cities/mumbai';drop%20table%20riders;--/leaderboard", status: 400 },
  { name: 'city: bad percent-encoding', method: 'GET', url: '/cities/%E0%A4%A/leaderboard', status: 400 },
  { name: 'orders: unknown city', method: 'POST', url: '/cities/gotham/orders/next', status: 404 },
  { name: 'unknown route', method: 'GET', url: '/riders/1/secrets', status: 404 },
];

describe(redisTitle('riders: malformed requests'), () => {
  let db: RidersDatabase;
  const apis: Partial<Record<RidersVariant, RidersTestApi>> = {};
  const answers: Record<RidersVariant, Array<{ status: number; body: { error?: { code?: string; message?: string } } }>> = { naive: [], optimized: [] };
  const ledgerRows: Partial<Record<RidersVariant, number>> = {};

  beforeAll(async () => {
    db = await seededRidersDatabase('riders bad input');
    for (const v of ['naive', 'optimized'] as const) {
      const api = (apis[v] = await startRidersApi(`riders bad input ${v}`, v, db.urls[v]));
      for (const b of BAD) {
        const r = await api.app.inject({ method: b.method, url: b.url, payload: b.payload, headers: b.payload === undefined ? {} : { 'content-type': b.contentType ?? JSON_TYPE } });
        answers[v].push({ status: r.statusCode, body: r.json() });
      }
      const c = await db.client(v);
      ledgerRows[v] = Number((await c.query(`SELECT count(*) AS n FROM wallet_ledger WHERE metadata @> '{"source":"api"}'`)).rows[0].n);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(Object.values(apis).map((a) => a?.close()));
    await db?.drop();
  });

  it('has at least 20 malformed requests', () => expect(BAD.length).toBeGreaterThanOrEqual(20));

  for (const v of ['naive', 'optimized'] as const) {
    it(`${v}: answers each with its 4xx status and a coded JSON error`, () => {
      BAD.forEach((b, i) => {
        const a = answers[v][i]!;
        expect(a.status, `${b.name}: ${JSON.stringify(a.body)}`).toBe(b.status);
        expect(a.body.error?.code, b.name).toMatch(/^[A-Z_]+$/);
        expect(a.body.error?.message, b.name).toBeTruthy();
      });
    });

    it(`${v}: stores no wallet entry for any of them`, () => expect(ledgerRows[v]).toBe(0));
  }
});
