/*
 * Both variants answer the same routes with the same JSON: the same fleet seeded into riders_naive and
 * riders_optimized, the same sequence of reads and writes sent to each, the bodies compared one by one.
 * Reads go first where the optimized variant serves a snapshot (the leaderboard view), as a client would see
 * them right after a refresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITIES, cityOfRider } from '../../scenarios/riders/layout.ts';
import { redisTitle } from '../helpers/testRedis.ts';
import { seededRidersDatabase, startRidersApi, type RidersDatabase, type RidersTestApi, type RidersVariant } from './helpers/ridersTestApi.ts';

interface Step { method: 'GET' | 'POST'; url: string; body?: Record<string, unknown> }

const RIDERS = [1, 2, 3, 17, 250, 999];
const STEPS: Step[] = [
  ...CITIES.slice(0, 5).map((c) => ({ method: 'GET' as const, url: `/cities/${c}/leaderboard` })),
  ...RIDERS.map((r) => ({ method: 'GET' as const, url: `/riders/${r}` })),
  ...CITIES.slice(0, 5).map((c) => ({ method: 'GET' as const, url: `/cities/${c}/riders/active` })),
  { method: 'POST', url: '/riders/2/duty', body: { status: 'ON' } },
  { method: 'POST', url: '/riders/3/duty', body: { status: 'OFF' } },
  { method: 'GET', url: `/cities/${cityOfRider(2)}/riders/active` },
  { method: 'GET', url: `/cities/${cityOfRider(3)}/riders/active` },
  { method: 'POST', url: '/riders/1/wallet', body: { amount: 120.5, entry_type: 'earning' } },
  { method: 'POST', url: '/riders/1/wallet', body: { amount: 45, entry_type: 'penalty' } },
  { method: 'POST', url: '/riders/1/wallet', body: { amount: 1_000_000 / 100, entry_type: 'withdrawal' } },
  { method: 'POST', url: '/riders/17/wallet', body: { amount: 10, entry_type: 'withdrawal' } },
  { method: 'POST', url: '/riders/1/location', body: { lat: 19.1, lon: 72.9, ts: Date.parse('2026-10-14T10:00:00Z') } },
  { method: 'POST', url: '/riders/250/location', body: { lat: -12.5, lon: 100.25, ts: Date.parse('2026-10-14T11:30:15.250Z') } },
  ...RIDERS.map((r) => ({ method: 'GET' as const, url: `/riders/${r}` })),
  ...[0, 0, 0, 1, 2].map((i) => ({ method: 'POST' as const, url: `/cities/${CITIES[i]}/orders/next` })),
  { method: 'GET', url: '/riders/123456' },
];

describe(redisTitle('riders: the same JSON from both variants'), () => {
  let db: RidersDatabase;
  const apis: Partial<Record<RidersVariant, RidersTestApi>> = {};
  const answers: Record<RidersVariant, Array<{ status: number; body: unknown }>> = { naive: [], optimized: [] };

  beforeAll(async () => {
    db = await seededRidersDatabase('riders same json');
    for (const v of ['naive', 'optimized'] as const) {
      const api = (apis[v] = await startRidersApi(`riders same json ${v}`, v, db.urls[v]));
      for (const s of STEPS) {
        const r = await api.app.inject({ method: s.method, url: s.url, ...(s.body === undefined ? {} : { payload: s.body }) });
        answers[v].push({ status: r.statusCode, body: r.json() });
      }
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(Object.values(apis).map((a) => a?.close()));
    await db?.drop();
  });

  it('answers every step with the same status and body', () => {
    expect(answers.optimized).toHaveLength(STEPS.length);
    STEPS.forEach((s, i) => expect(answers.optimized[i], `${s.method} ${s.url}`).toEqual(answers.naive[i]));
  });

  it('answered with real data, not only errors', () => {
    const statuses = answers.naive.map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(20);
    expect(statuses).toContain(201);
    expect(statuses).toContain(202);
    expect(statuses).toContain(409); // the over-balance withdrawal
    const board = answers.naive[0]!.body as { riders: Array<{ rank: number }> };
    expect(board.riders.length).toBeGreaterThan(0);
    // Rider 250's state after its POST shows the point it sent (buffered in one variant, inserted in the other).
    const last250 = STEPS.map((st) => `${st.method} ${st.url}`).lastIndexOf('GET /riders/250');
    expect((answers.naive[last250]!.body as { location: unknown }).location).toEqual({ lat: -12.5, lon: 100.25, ts: '2026-10-14T11:30:15.250Z' });
  });
});
