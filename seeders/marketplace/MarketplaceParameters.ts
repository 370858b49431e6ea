/*
 * The parameters that identify a marketplace dataset (what the manifest stores and a later run compares), and
 * the generator version: bump it whenever a row generator changes what it writes, so old datasets reseed.
 */
import { ScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { marketplaceCounts, VOCABULARY_SIZE, type MarketplaceCounts } from '../../scenarios/marketplace/layout.ts';

export const GENERATOR_VERSION = 'marketplace-3';
/**
 * The end of the seeded time span: fixed, not today, so a dataset's bytes do not depend on the day it was made
 * and a seeded schema can be reused indefinitely (no route asks about "this week").
 */
export const DATASET_END_MS = Date.UTC(2026, 10, 1);

export interface MarketplaceSeedParameters {
  users: number;
  seed: number;
}

export function validateMarketplaceParameters(p: MarketplaceSeedParameters): MarketplaceSeedParameters {
  if (!Number.isSafeInteger(p.users) || p.users < 1 || p.users > 100_000_000) {
    throw new ScaleproofError('SP_USAGE', `users must be a whole number from 1 to 100,000,000, got ${p.users}`);
  }
  if (!Number.isSafeInteger(p.seed) || p.seed < 0 || p.seed > 0xffffffff) {
    throw new ScaleproofError('SP_USAGE', `seed must be a whole number from 0 to 4294967295, got ${p.seed}`);
  }
  return Object.freeze({ users: p.users, seed: p.seed });
}

/** What the manifest records as the dataset's parameters (the seed is stored in its own column). */
export function parametersJson(p: MarketplaceSeedParameters): Record<string, unknown> {
  return { users: p.users, vocabulary: VOCABULARY_SIZE, endMs: DATASET_END_MS };
}

export function sameParameters(stored: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(stored), ...Object.keys(wanted)]);
  for (const k of keys) if (stored[k] !== wanted[k]) return false;
  return true;
}

/** Seeded tables, biggest first. */
export const MARKETPLACE_TABLES = [
  'search_history', 'seller_orders', 'profiles', 'seller_products', 'ai_accounts', 'popular_searches', 'seller_profiles', 'categories',
] as const;
export type MarketplaceTable = (typeof MARKETPLACE_TABLES)[number];

export function rowCountsOf(c: MarketplaceCounts): Record<MarketplaceTable, number> {
  return {
    search_history: c.searches,
    seller_orders: c.orders,
    profiles: c.users,
    seller_products: c.sellerProducts,
    ai_accounts: c.aiAccounts,
    popular_searches: c.queries,
    seller_profiles: c.sellers,
    categories: c.categories,
  };
}

export { marketplaceCounts };
