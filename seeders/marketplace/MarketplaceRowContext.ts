/* What every marketplace row generator needs: the seed, the counts, and the vocabulary rendered once. */
import { VOCABULARY_SIZE, vocabularyWord, searchQuery, type MarketplaceCounts } from '../../scenarios/marketplace/layout.ts';
import { asciiBytes } from './rows/copyFields.ts';

export interface MarketplaceRowContext {
  seed: number;
  counts: MarketplaceCounts;
  chunkBytes: number;
  /** Capitalized vocabulary words, for names, pre-encoded. */
  words: readonly Uint8Array[];
  /** popular_searches' query strings by query index, pre-encoded. */
  queries: readonly Uint8Array[];
}

/** Hash streams of this workload's tables (seeders/engine/hash32.ts), apart from other workloads' numbers. */
export const MarketplaceHash = {
  profiles: 301,
  sellers: 302,
  aiAccounts: 303,
  sellerProducts: 304,
  orders: 305,
  searches: 306,
  popular: 307,
} as const;

export function rowContext(seed: number, counts: MarketplaceCounts, chunkBytes = 256 * 1024): MarketplaceRowContext {
  const words = Array.from({ length: VOCABULARY_SIZE }, (_, i) => {
    const w = vocabularyWord(i);
    return asciiBytes(w[0]!.toUpperCase() + w.slice(1));
  });
  const queries = Array.from({ length: counts.queries }, (_, q) => asciiBytes(searchQuery(q)));
  return { seed: seed >>> 0, counts, chunkBytes, words, queries };
}
