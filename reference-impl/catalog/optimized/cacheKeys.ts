/*
 * The optimized variant's cache keys and tags (seed 004 2.3's hierarchical keys, with the tenant in front:
 * issue 9 "cache keys carry the tenant"). Every key names every parameter of its document, so two requests
 * share a key only when they get the same document, and only within one tenant.
 */
import type { ProductsQuery } from '../validation/catalogInput.ts';

export const CATALOG_KEY_FAMILIES = ['catalog_products', 'catalog_product', 'catalog_catalogs', 'catalog_order', 'catalog_report'] as const;

export const catalogKeys = {
  products: (t: string, siteId: string, q: ProductsQuery) => `catalog:${t}:site:${siteId}:products:${q.page}:${q.pageSize}:${q.category ?? '*'}`,
  product: (t: string, id: string) => `catalog:${t}:product:${id}`,
  catalogs: (t: string) => `catalog:${t}:catalogs`,
  order: (t: string, id: string) => `catalog:${t}:order:${id}`,
  report: (t: string, month: string) => `catalog:${t}:report:orders:${month}`,
};

/** Tags: what a cached document depends on. A write invalidates the tags of what it changed. */
export const catalogTags = {
  site: (t: string, siteId: string) => `${t}:site:${siteId}`,
  catalogProducts: (t: string, catalogId: string) => `${t}:catalog:${catalogId}:products`,
  product: (t: string, id: string) => `${t}:product:${id}`,
  catalogs: (t: string) => `${t}:catalogs`,
  order: (t: string, id: string) => `${t}:order:${id}`,
  report: (t: string, month: string) => `${t}:report:${month}`,
};
