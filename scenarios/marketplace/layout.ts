/*
 * The marketplace dataset's shape (seed 003) as arithmetic of the user count and of a key, so the seeder and the
 * load scenario agree on every id without asking the database. Pure: no imports, no Node APIs (k6 imports it
 * through scenarios/marketplace/endpoints.ts).
 *
 * Volumes per user (seed 003 names 5M users and "10M daily traffic"; the per-table ratios are ours):
 * - sellers: 1 per 100 users (50,000 at 5M), selling about 20 products each: seller_products = users / 5 (1M);
 * - ai_accounts: users / 25 (200,000), the platform's own listings;
 * - seller_orders: 1 per user (5M): about 50 days of orders at 1% of 10M daily visits buying;
 * - search_history: 2 per user (10M): about a week of searches at 15% of 10M daily requests;
 * - popular_searches: one row per distinct query, users / 50 capped at 100,000;
 * - categories: 24 (two of them inactive).
 * Product, seller and query popularity follow their id (id 1 is the hottest), as the load's keys do.
 */

export const CATEGORY_COUNT = 24;
/** Vocabulary words product names, store names and search queries are made of. */
export const VOCABULARY_SIZE = 8000;
export const SEARCH_PAGE_SIZE = 20;
export const MAX_SEARCH_PAGE = 50;

export interface MarketplaceCounts {
  users: number;
  sellers: number;
  sellerProducts: number;
  aiAccounts: number;
  orders: number;
  searches: number;
  queries: number;
  categories: number;
}

export const USERS_PER_SELLER = 100;
export const USERS_PER_SELLER_PRODUCT = 5;
export const USERS_PER_AI_ACCOUNT = 25;
export const USERS_PER_QUERY = 50;
export const MAX_QUERIES = 100_000;

/** Counts are ceilings of users / ratio, so every id a key 1..users names (below) exists. */
export function marketplaceCounts(users: number): MarketplaceCounts {
  return {
    users,
    sellers: Math.ceil(users / USERS_PER_SELLER),
    sellerProducts: Math.ceil(users / USERS_PER_SELLER_PRODUCT),
    aiAccounts: Math.ceil(users / USERS_PER_AI_ACCOUNT),
    orders: users,
    searches: 2 * users,
    queries: Math.min(MAX_QUERIES, Math.ceil(users / USERS_PER_QUERY)),
    categories: CATEGORY_COUNT,
  };
}

/** The seller of seller product p: products are dealt round robin, so every seller's first product is popular. */
export function sellerOfProduct(productId: number, sellers: number): number {
  return ((productId - 1) % sellers) + 1;
}

// ---- vocabulary: word i is made of syllables, so no word list ships with the code

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'qui', 'dor', 'len', 'mar', 'tos', 'bel', 'gri', 'hon', 'jax', 'wen'];

/**
 * Word i (0..VOCABULARY_SIZE-1): distinct for every i < 20^3, 2-3 syllables, lowercase ASCII. 8,000 words put
 * each word in about 450 of 1.2M three-word product names: a search reads hundreds of rows, not thousands.
 */
export function vocabularyWord(i: number): string {
  const n = SYLLABLES.length;
  const a = SYLLABLES[i % n]!;
  const b = SYLLABLES[Math.floor(i / n) % n]!;
  const c = i >= n * n ? SYLLABLES[Math.floor(i / (n * n)) % n]! : '';
  return a + b + c;
}

/**
 * Search query q (0-based, q < queries): the first VOCABULARY_SIZE are single words, later ones word pairs.
 * Popularity follows q (query 0 is searched most).
 */
export function searchQuery(q: number): string {
  if (q < VOCABULARY_SIZE) return vocabularyWord(q);
  const r = q - VOCABULARY_SIZE;
  return `${vocabularyWord(r % VOCABULARY_SIZE)} ${vocabularyWord((Math.floor(r / VOCABULARY_SIZE) + r + 1) % VOCABULARY_SIZE)}`;
}

// ---- what one load key (a user id, 1..users) asks for

export type ProductType = 'ai' | 'seller';

/** Availability is arithmetic of the id (so the load orders only listed products): 1 in 20 is unavailable. */
export function isAvailable(id: number): boolean {
  return id % 20 !== 7;
}

/** 1 in 10 seller products awaits approval (AI accounts need none). */
export function isApproved(id: number): boolean {
  return id % 10 !== 3;
}

/** Listed = shown and orderable: available, and approved when a seller product. */
export function isListed(type: ProductType, id: number): boolean {
  return isAvailable(id) && (type === 'ai' || isApproved(id));
}

/**
 * A listed product for key 1..users, without knowing users: one key in five asks for an AI account; keys next
 * to each other share products, so hot keys (low ids) ask for hot (low id) products. An unlisted id is replaced
 * by the one below it, which is listed and exists.
 */
export function productOfKey(key: number): { type: ProductType; id: number } {
  const type: ProductType = key % 5 === 0 ? 'ai' : 'seller';
  const id = Math.floor((key - 1) / (type === 'ai' ? USERS_PER_AI_ACCOUNT : USERS_PER_SELLER_PRODUCT)) + 1;
  return { type, id: isListed(type, id) ? id : id - 1 };
}

export function sellerOfKey(key: number): number {
  return Math.floor((key - 1) / USERS_PER_SELLER) + 1;
}

export function queryOfKey(key: number): string {
  return searchQuery(Math.floor((key - 1) / USERS_PER_QUERY) % MAX_QUERIES);
}

/** Result page for a key: most searches stop at page 1. */
export function pageOfKey(key: number): number {
  const r = key % 10;
  return r < 7 ? 1 : r < 9 ? 2 : 3;
}

/**
 * The client address of user `key`: a distinct address in 10.0.0.0/8 per user (wrapping past 2^24 users), sent
 * as x-forwarded-for so the per-IP rate limits see one client per user.
 */
export function clientIpOfKey(key: number): string {
  const n = key % 16_777_216;
  return `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}
