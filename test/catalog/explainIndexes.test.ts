/*
 * Issue 9: "the indexes its queries use. Check with EXPLAIN that each is used, and drop those nothing uses."
 * Every statement of the optimized variant is EXPLAINed as the API runs it (API role, tenant context set), and
 * each index of schema/optimized/003_indexes.sql must appear in some plan. The test dataset is small enough
 * that sequential scans and sorts would win on cost, so enable_seqscan and enable_sort are off here: the check is that each index fits
 * its query's shape (at the default 200 clients the planner picks the same indexes on its own; README).
 */
import fs from 'node:fs/promises';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSql, sql } from '../../reference-impl/catalog/optimized/statements.ts';
import { API_ROLE } from '../../reference-impl/catalog/optimized/withTenant.ts';
import { indexFile } from '../../reference-impl/catalog/schema/schemaDirs.ts';
import { clientId, offeredProduct, productId, siteId } from '../../scenarios/catalog/layout.ts';
import { parseIndexStatements } from '../../seeders/engine/indexStatements.ts';
import { seededCatalogDatabase, type CatalogDatabase } from './helpers/catalogTestApi.ts';

const C = 3; // a medium client: 3 catalogs, 10 sites
const cases: Array<{ name: string; text: string; values: unknown[]; uses: string[] }> = [
  { name: 'product page', text: sql.productsPage, values: [siteId(C, 1), 100, 0], uses: ['sites_pkey', 'idx_products_catalog_name', 'site_product_exclusions_pkey', 'idx_catalogs_owner_id', 'idx_sites_client_id'] },
  { name: 'product page in a category', text: sql.productsPageInCategory, values: [siteId(C, 1), 100, 0, 'home'], uses: ['idx_products_catalog_category_name'] },
  { name: 'product', text: sql.product, values: [productId(C, 7)], uses: ['products_pkey'] },
  { name: 'catalogs (no WHERE: RLS)', text: sql.catalogs, values: [], uses: ['idx_catalogs_owner_id'] },
  { name: 'order', text: sql.order, values: ['05000003-0000-4000-8000-000000000001'], uses: ['orders_pkey'] },
  { name: 'monthly report', text: sql.report, values: [clientId(C), new Date('2026-05-01'), new Date('2026-06-01')], uses: ['idx_orders_client_created'] },
];

describe('catalog: EXPLAIN shows each index used', () => {
  let db: CatalogDatabase;
  let c: pg.Client;
  const plans = new Map<string, string>();

  beforeAll(async () => {
    db = await seededCatalogDatabase('catalog explain', ['optimized']);
    c = await db.client('optimized');
    for (const k of cases) {
      await c.query('BEGIN');
      try {
        await c.query(`SELECT set_config('role', $1, true), set_config('app.client_id', $2, true), set_config('enable_seqscan', 'off', true), set_config('enable_sort', 'off', true)`, [API_ROLE, clientId(C)]);
        const r = await c.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN ${k.text}`, values: k.values });
        plans.set(k.name, r.rows.map((row) => row['QUERY PLAN']).join('\n'));
      } finally {
        await c.query('ROLLBACK');
      }
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  it.each(cases)('$name uses $uses', ({ name, uses }) => {
    for (const index of uses) expect(plans.get(name), `${name}: ${index}`).toContain(index);
  });

  it('every index the optimized schema creates is used by some statement (none is left that nothing uses)', async () => {
    const indexes = parseIndexStatements(await fs.readFile(indexFile, 'utf8'), indexFile).map((s) => s.name);
    expect(indexes.length).toBeGreaterThan(0);
    const all = [...plans.values()].join('\n');
    expect(indexes.filter((i) => !all.includes(i))).toEqual([]);
  });
});

// phase1 and phase2 (no RLS): the same statements with the policies' predicates as WHERE clauses ($T, the
// tenant), EXPLAINed as their API runs them (the connecting role, no tenant context), and the order's one
// statement (EXPLAIN does not run it).
const where = catalogSql('where');
const items = JSON.stringify([{ product_id: productId(C, offeredProduct(C, 1, 0)), qty: 1 }]);
const phaseCases: Array<{ name: string; text: string; values: unknown[]; uses: string[] }> = [
  { name: 'product page by WHERE', text: where.productsPage, values: [siteId(C, 1), 100, 0], uses: ['sites_pkey', 'idx_products_catalog_name', 'site_product_exclusions_pkey'] },
  { name: 'product by WHERE', text: where.product, values: [productId(C, 7)], uses: ['products_pkey', 'idx_catalogs_owner_id'] },
  { name: 'catalogs by WHERE', text: where.catalogs, values: [], uses: ['idx_catalogs_owner_id'] },
  { name: 'order by WHERE', text: where.order, values: ['05000003-0000-4000-8000-000000000001'], uses: ['orders_pkey'] },
  {
    name: 'order creation (one statement)', text: where.createOrder,
    values: [siteId(C, 1), items, '05000003-0000-4000-8000-0000000fffff', clientId(C), 'WEB-TEST', 'Ann', 'ann@example.org', new Date('2026-06-01')],
    uses: ['sites_pkey', 'products_pkey', 'site_product_exclusions_pkey'],
  },
];

describe('catalog phases: EXPLAIN shows the WHERE-isolated statements on the same indexes', () => {
  let db: CatalogDatabase;
  const plans = new Map<string, string>();

  beforeAll(async () => {
    db = await seededCatalogDatabase('catalog explain phases', ['phase1']);
    const c = await db.client('phase1');
    await c.query(`SET enable_seqscan = off`);
    await c.query(`SET enable_sort = off`);
    for (const k of phaseCases) {
      const text = k.text.replace(/\$T/g, `'${clientId(C)}'::uuid`);
      const r = await c.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN ${text}`, values: k.values });
      plans.set(k.name, r.rows.map((row) => row['QUERY PLAN']).join('\n'));
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  it.each(phaseCases)('$name uses $uses', ({ name, uses }) => {
    for (const index of uses) expect(plans.get(name), `${name}: ${index}`).toContain(index);
  });
});
