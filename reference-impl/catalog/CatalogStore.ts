/*
 * What the catalog routes need from a variant: tenant-scoped reads and writes, report jobs. Both variants
 * implement it and answer with the same documents (documents.ts); every method takes the tenant (the
 * authenticated x-client-id) and returns null for ids the tenant cannot see, whether they exist or not.
 */
import type { OrderDocument, OrderReport } from './documents.ts';
import type { OrderRequest, ProductsQuery } from './validation/catalogInput.ts';

/** A read's JSON document as bytes ready to send, and whether it came from the cache (X-Cache). */
export interface ReadResult {
  body: Buffer | string;
  cache?: 'HIT' | 'MISS' | undefined;
}

export type JobState = 'waiting' | 'active' | 'completed' | 'failed' | 'delayed' | 'unknown';

export interface JobView {
  id: string;
  state: JobState;
  /** 0..100. */
  progress: number;
  result?: OrderReport | undefined;
  error?: string | undefined;
}

export interface ReportMonth {
  month: string;
  startMs: number;
  endMs: number;
}

export interface CatalogStore {
  /** Whether the x-client-id names a client (403 when not). */
  clientExists(clientId: string): Promise<boolean>;
  products(clientId: string, siteId: string, q: ProductsQuery): Promise<ReadResult | null>;
  product(clientId: string, productId: string): Promise<ReadResult | null>;
  catalogs(clientId: string): Promise<ReadResult>;
  order(clientId: string, orderId: string): Promise<ReadResult | null>;
  /** The created order; 404 (null) for a site the tenant cannot see; throws 422 for items the site does not offer. */
  createOrder(clientId: string, siteId: string, order: OrderRequest): Promise<OrderDocument | null>;
  enqueueReport(clientId: string, month: ReportMonth): Promise<string>;
  /** The job, or null when it does not exist or belongs to another tenant. */
  job(clientId: string, jobId: string): Promise<JobView | null>;
}

/** 'WEB-' + 12 hex digits of the new order's id: API orders' numbers (seeded ones are ORD-...). */
export function webOrderNumber(orderId: string): string {
  return `WEB-${orderId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}
