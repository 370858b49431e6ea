/*
 * The harness's own streaming replica of embedded Postgres, under the analytics API: reads routed to it return
 * the primary's data once replayed, the primary reports its lag, and when the replica goes down mid-test the same
 * reads are served by the primary (no 5xx) and go back to the replica once it is up.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../harness/migrate/migrate.ts';
import { schemaName, withSchema } from '../../harness/migrate/schemaUrl.ts';
import { readReplicaLag, sampleReplicaLag } from '../../harness/probe/replicaLag.ts';
import { startPostgres, type PostgresHandle } from '../../harness/services/startPostgres.ts';
import { startReplica, type ReplicaHandle } from '../../harness/services/startReplica.ts';
import { waitForReplay } from '../../harness/services/waitForReplay.ts';
import { analyticsMigrations } from '../../reference-impl/analytics/schema/schemaDirs.ts';
import { FallbackDatabase } from '../../reference-impl/platform/db/FallbackDatabase.ts';
import { insertPins } from '../reference-impl/helpers/insertPins.ts';
import { startTestApi, type TestApi } from '../reference-impl/helpers/testApi.ts';
import { waitFor } from '../reference-impl/helpers/waitFor.ts';

describe('a streaming read replica of embedded Postgres', () => {
  let dir: string;
  let primary: PostgresHandle;
  let replica: ReplicaHandle;
  let primaryUrl: string;
  let replicaUrl: string;
  const schema = schemaName('analytics', 'optimized');

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-replica-'));
    await fs.chmod(dir, 0o755); // the postgres user runs both servers when we are root
    primary = await startPostgres({ dataDir: path.join(dir, 'pg'), log: () => undefined });
    primaryUrl = withSchema(primary.url, schema);
    const c = new pg.Client({ connectionString: primary.url });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
    await migrate(primaryUrl, analyticsMigrations.optimized);
    await insertPins(primaryUrl, [1]); // before the copy
    replica = await startReplica({ primaryUrl: primary.url, primaryDataDir: primary.dataDir, log: () => undefined });
    replicaUrl = withSchema(replica.url!, schema);
  });
  afterAll(async () => {
    await replica?.stop();
    await primary?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('is a hot standby streaming from the primary, with its lag reported there', async () => {
    expect(replica.kind).toBe('spawned');
    const r = new pg.Client({ connectionString: replicaUrl });
    await r.connect();
    try {
      expect((await r.query('SELECT pg_is_in_recovery() AS standby')).rows[0].standby).toBe(true);
      expect((await r.query("SELECT count(*)::int AS n FROM professional_pins WHERE pin_number = 'P0000001'")).rows[0].n).toBe(1);
    } finally {
      await r.end();
    }
    const sampler = sampleReplicaLag(primary.url, { applicationName: replica.applicationName, intervalMs: 50 });
    await insertPins(primaryUrl, [2]);
    const p = new pg.Client({ connectionString: primary.url });
    await p.connect();
    try {
      await waitFor('a lag sample', async () => (await readReplicaLag(p, replica.applicationName)).standbys === 1, 5000);
    } finally {
      await p.end();
    }
    const lag = await sampler.stop();
    expect(lag.samples).toBeGreaterThan(0);
    expect(lag.maxS).toBeGreaterThanOrEqual(0);
    expect(lag.p95S).toBeLessThanOrEqual(lag.maxS!);
    expect(lag.maxBytes).toBeGreaterThanOrEqual(0);
  });

  it('serves replica reads with the primary data after replay, falls back to the primary without 5xx while the replica is down, and returns to it', async () => {
    let api: TestApi | undefined;
    try {
      api = await startTestApi('replica reads', { databaseUrl: primaryUrl, databaseReplicaUrl: replicaUrl, redisUrl: undefined }, {}, { url: primaryUrl, name: schema, drop: async () => undefined });
      await insertPins(primaryUrl, [3, 4, 5]);
      await waitForReplay(primary.url, replicaUrl, 30_000);
      await api.app.ready();
      const { db, replicaDb, readDb } = api.app.scaleproof;
      const counts = () => ({ primary: db.queryCount, replica: replicaDb!.queryCount });

      let before = counts();
      const onReplica = await api.app.inject({ method: 'GET', url: '/pins/P0000003/analytics' });
      expect(onReplica.statusCode).toBe(200);
      expect(onReplica.json()).toMatchObject({ pin_number: 'P0000003', total: 0 });
      expect(counts()).toEqual({ primary: before.primary, replica: before.replica + 1 });

      await replica.outage!.down();
      before = counts();
      const whileDown = await api.app.inject({ method: 'GET', url: '/pins/P0000004/analytics' });
      expect(whileDown.statusCode).toBe(200);
      expect(whileDown.json()).toMatchObject({ pin_number: 'P0000004' });
      expect(counts().primary).toBe(before.primary + 1);
      expect((readDb as FallbackDatabase).fallbacks).toBeGreaterThan(0);
      const health = await api.app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'degraded', postgres: { status: 'up' }, replica: { status: 'down' } });

      await replica.outage!.up();
      let unknown = 100; // a PIN not there is not cached: each read reaches the database
      await waitFor('reads to go back to the replica', async () => {
        const r = counts().replica;
        expect((await api!.app.inject({ method: 'GET', url: `/pins/P0000${unknown++}/analytics` })).statusCode).toBe(404);
        return counts().replica > r;
      }, 20_000);
    } finally {
      await api?.close();
    }
  });
});
