/* The dataset manifest of a database, or undefined when it was never seeded (or has no schema yet). */
import pg from 'pg';
import type { DatasetManifest } from './DatasetManifest.ts';
import { readStoredManifest } from './manifestStore.ts';

export async function readManifest(databaseUrl: string): Promise<DatasetManifest | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await readStoredManifest(client))?.manifest;
  } finally {
    await client.end().catch(() => undefined);
  }
}
