/*
 * A seed killed in the middle of a COPY leaves the manifest at 'loading'; the next run notices, starts over
 * from scratch and ends with the same tables, keys and indexes as a clean run.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { seedDataset } from '../../seeders/analytics/seedDataset.ts';
import { readManifest } from '../../seeders/analytics/readManifest.ts';
import { datasetChecksums, indexDefinitions, withClient } from './datasetChecksums.ts';

const PARAMS = { users: 1500, eventsPerUser: 8, seed: 99, asOf: '2025-03-10T00:00:00.000Z' };
const child = path.resolve(import.meta.dirname, 'fixtures/seedThrottled.ts');
const dbs: TestDatabase[] = [];
afterEach(async () => {
  while (dbs.length) await dbs.pop()!.drop();
});

/** Polls Postgres until a COPY into a pin_analytics partition of `dbName` has processed rows. */
async function waitForRowsFlowing(url: string, dbName: string, exited: () => boolean): Promise<number> {
  return withClient(url, async (c) => {
    for (;;) {
      if (exited()) throw new Error('the seeding child exited before any COPY was seen');
      const r = await c.query<{ n: string }>(
        `SELECT max(tuples_processed)::text AS n FROM pg_stat_progress_copy
          WHERE datname = $1 AND relid::regclass::text LIKE 'pin_analytics_%'`,
        [dbName],
      );
      const n = Number(r.rows[0]?.n ?? 0);
      if (n > 0) return n;
      await new Promise((res) => setTimeout(res, 10));
    }
  });
}

describe('a seed killed mid-COPY', () => {
  it('is followed by a clean reseed that equals an uninterrupted run', async () => {
    const killed = await createTestDatabase('killed load');
    const clean = await createTestDatabase('clean load');
    dbs.push(killed, clean);

    const proc = spawn(process.execPath, ['--import', 'tsx', child, killed.url, String(PARAMS.users), String(PARAMS.eventsPerUser), String(PARAMS.seed), PARAMS.asOf], { stdio: ['ignore', 'pipe', 'pipe'] });
    let exitedEarly = false;
    let stderr = '';
    proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<NodeJS.Signals | null>((res) => proc.on('exit', (_code, signal) => { exitedEarly = true; res(signal); }));
    const rowsSeen = await waitForRowsFlowing(killed.url, killed.name, () => exitedEarly).catch((e: Error) => { throw new Error(`${e.message}; stderr: ${stderr}`); });
    proc.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(rowsSeen).toBeGreaterThan(0);

    const interrupted = await readManifest(killed.url);
    expect(interrupted?.status).toBe('loading');
    // The kill came after keys and indexes were dropped for the load: the reseed must bring them back.
    const keysLeft = await withClient(killed.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'p' AND conrelid = 'pin_analytics'::regclass`)).rows[0].n);
    expect(keysLeft).toBe(0);

    const lines: string[] = [];
    const reseed = await seedDataset({ databaseUrl: killed.url, ...PARAMS, log: (l) => lines.push(l) });
    expect(reseed.skipped).toBe(false);
    expect(lines.join('\n')).toMatch(/did not finish/);
    expect((await readManifest(killed.url))?.status).toBe('complete');

    await seedDataset({ databaseUrl: clean.url, ...PARAMS, log: () => undefined });
    expect(await datasetChecksums(killed.url)).toEqual(await datasetChecksums(clean.url));
    expect(await indexDefinitions(killed.url)).toEqual(await indexDefinitions(clean.url));
  });
});
