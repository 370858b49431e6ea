/*
 * A workload's API tests' database: one private database holding each variant's schema (<workload>_<variant>),
 * seeded by the caller's seeder with the same small dataset, plain connections for assertions, and one drop()
 * that closes them and removes the database.
 */
import pg from 'pg';
import { schemaName, withSchema } from '../../harness/migrate/schemaUrl.ts';
import { createTestDatabase, type TestDatabase } from './testDatabase.ts';

export interface VariantDatabase<V extends string> {
  database: TestDatabase;
  /** The database URL scoped to each variant's schema. */
  urls: Record<V, string>;
  /** A plain connection to one variant's schema, for assertions; closed by drop(). */
  client(variant: V): Promise<pg.Client>;
  drop(): Promise<void>;
}

export async function seededVariantDatabase<V extends string>(o: {
  testName: string;
  workload: string;
  /** Every variant of the workload (each gets a URL). */
  allVariants: readonly V[];
  /** The ones to seed now. */
  variants: readonly V[];
  seed: (databaseUrl: string, variant: V) => Promise<unknown>;
}): Promise<VariantDatabase<V>> {
  const database = await createTestDatabase(o.testName);
  const urls = Object.fromEntries(o.allVariants.map((v) => [v, withSchema(database.url, schemaName(o.workload, v))])) as Record<V, string>;
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    for (const v of o.variants) await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schemaName(o.workload, v)}`);
  } finally {
    await admin.end();
  }
  for (const v of o.variants) await o.seed(urls[v], v);
  const clients: pg.Client[] = [];
  return {
    database,
    urls,
    client: async (variant) => {
      const c = new pg.Client({ connectionString: urls[variant] });
      await c.connect();
      clients.push(c);
      return c;
    },
    drop: async () => {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await database.drop();
    },
  };
}
