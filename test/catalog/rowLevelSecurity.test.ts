/*
 * Issue 9: row-level security, checked against the database directly (not through the API): with A's tenant
 * context set the way the API sets it (withTenant.ts), `SELECT * FROM orders` with no WHERE returns exactly A's
 * rows; without a context, nothing; a row for another tenant cannot be written. The API's role neither is a
 * superuser nor bypasses RLS nor owns the tables, and FORCE is on for the owner too.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, siteId } from '../../scenarios/catalog/layout.ts';
import { API_ROLE } from '../../reference-impl/catalog/optimized/withTenant.ts';
import { TEST_CLIENTS, seededCatalogDatabase, type CatalogDatabase } from './helpers/catalogTestApi.ts';

const TENANT_TABLES = ['orders', 'products', 'sites', 'catalogs', 'clients', 'site_product_exclusions'] as const;

async function asTenant<T>(c: pg.Client, client: string | null, fn: () => Promise<T>): Promise<T> {
  await c.query('BEGIN');
  try {
    await c.query(`SELECT set_config('role', $1, true), set_config('app.client_id', $2, true)`, [API_ROLE, client ?? '']);
    return await fn();
  } finally {
    await c.query('ROLLBACK');
  }
}

describe('catalog: row-level security in the database', () => {
  let db: CatalogDatabase;
  let c: pg.Client;
  /** Rows per table and tenant, counted as the superuser (who bypasses RLS). */
  const truth = new Map<string, number>();

  beforeAll(async () => {
    db = await seededCatalogDatabase('catalog rls', ['optimized']);
    c = await db.client('optimized');
    const owner: Record<string, string> = {
      orders: 'client_id', sites: 'client_id', catalogs: 'owner_id', clients: 'id',
      products: '(SELECT owner_id FROM catalogs k WHERE k.id = t.catalog_id)',
      site_product_exclusions: '(SELECT client_id FROM sites s WHERE s.id = t.site_id)',
    };
    for (const table of TENANT_TABLES) {
      const r = await c.query<{ o: string; n: number }>(`SELECT ${owner[table]} AS o, count(*)::int AS n FROM ${table} t GROUP BY 1`);
      for (const row of r.rows) truth.set(`${table}:${row.o}`, row.n);
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  it.each(TEST_CLIENTS)("with client %i's context, SELECT * with no WHERE returns exactly its rows in every tenant table", async (n) => {
    const me = clientId(n);
    await asTenant(c, me, async () => {
      const orders = await c.query<{ client_id: string }>('SELECT * FROM orders');
      expect(orders.rowCount).toBeGreaterThan(0);
      expect(orders.rowCount).toBe(truth.get(`orders:${me}`));
      expect(orders.rows.filter((r) => r.client_id !== me)).toEqual([]);
      for (const table of TENANT_TABLES) {
        const count = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
        expect(count, table).toBe(truth.get(`${table}:${me}`) ?? 0);
      }
    });
  });

  it('without a tenant context the API role sees no row at all', async () => {
    await asTenant(c, null, async () => {
      for (const table of TENANT_TABLES) expect((await c.query(`SELECT 1 FROM ${table} LIMIT 1`)).rowCount, table).toBe(0);
    });
  });

  it("refuses to write a row of another tenant, and cannot update another tenant's product", async () => {
    await asTenant(c, clientId(1), async () => {
      await c.query('SAVEPOINT s');
      await expect(c.query(
        `INSERT INTO orders (id, client_id, site_id, order_number, customer_name, customer_email, total_amount, items)
         VALUES (gen_random_uuid(), $1, $2, 'X-1', 'x', 'x@example.org', 1, '[]')`, [clientId(2), siteId(2, 0)],
      )).rejects.toThrow(/row-level security/);
      await c.query('ROLLBACK TO SAVEPOINT s');
      const u = await c.query(`UPDATE products SET inventory_count = 0 WHERE catalog_id IN (SELECT id FROM catalogs WHERE owner_id = $1)`, [clientId(2)]);
      expect(u.rowCount).toBe(0);
    });
  });

  it('the API role is no superuser, does not bypass RLS, owns no table, and RLS is forced on every tenant table', async () => {
    const role = (await c.query<{ rolsuper: boolean; rolbypassrls: boolean }>('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1', [API_ROLE])).rows[0];
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const tables = await c.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; owner: string }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity, pg_get_userbyid(relowner) AS owner FROM pg_class
        WHERE relnamespace = current_schema()::regnamespace AND relname = ANY($1)`, [[...TENANT_TABLES, 'analytics_events']],
    );
    expect(tables.rowCount).toBe(TENANT_TABLES.length + 1);
    for (const t of tables.rows) {
      expect(t, t.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
      expect(t.owner).not.toBe(API_ROLE);
    }
  });
});
