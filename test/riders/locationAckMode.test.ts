/*
 * The location write's two acknowledgements (SCALEPROOF_ACK_MODE, as analytics'): with ack=committed a 202 is
 * sent only once the batch holding the point has committed, so the row is readable the moment the client has
 * its answer; with ack=buffered (the plan) the 202 comes at once and the row only after a flush.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../harness/migrate/migrate.ts';
import { schemaName, withSchema } from '../../harness/migrate/schemaUrl.ts';
import { ridersMigrations } from '../../reference-impl/riders/schema/schemaDirs.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { startRidersApi, type RidersTestApi } from './helpers/ridersTestApi.ts';

const TS = Date.parse('2026-10-14T10:00:00Z');

describe('riders optimized: location ack modes', () => {
  let database: TestDatabase;
  let url: string;
  let client: pg.Client;
  const apis: RidersTestApi[] = [];
  const stored = async (riderId: number) => Number((await client.query('SELECT count(*) AS n FROM location_logs WHERE rider_id = $1', [riderId])).rows[0].n);

  beforeAll(async () => {
    database = await createTestDatabase('riders ack modes');
    url = withSchema(database.url, schemaName('riders', 'optimized'));
    await migrate(url, ridersMigrations.optimized);
    client = new pg.Client({ connectionString: url });
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    for (const a of apis) await a.close();
    await database?.drop();
  });

  it('ack=committed: every 202 is already in location_logs, though the flush interval is a minute away', async () => {
    const api = await startRidersApi('riders ack committed', 'optimized', url, { ackMode: 'committed', flushIntervalMs: 60_000, flushMaxItems: 3 });
    apis.push(api);
    const answers = await Promise.all([101, 102, 103].map((id) => api.app.inject({ method: 'POST', url: `/riders/${id}/location`, payload: { lat: 12.9, lon: 77.6, ts: TS } })));
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202]);
    expect(await Promise.all([101, 102, 103].map(stored))).toEqual([1, 1, 1]);
  });

  it('ack=buffered: the 202 comes before the row, which the next flush writes', async () => {
    const api = await startRidersApi('riders ack buffered', 'optimized', url, { ackMode: 'buffered', flushIntervalMs: 60_000, flushMaxItems: 100 });
    apis.push(api);
    const r = await api.app.inject({ method: 'POST', url: '/riders/201/location', payload: { lat: 12.9, lon: 77.6, ts: TS } });
    expect(r.statusCode).toBe(202);
    expect(await stored(201)).toBe(0);
    await api.close(); // close drains the buffer
    expect(await stored(201)).toBe(1);
  });
});
