/*
 * Human-looking strings for the school dataset, made once per seed with faker and kept as UTF-8 bytes; rows
 * pick from them by hash (faker per row would cost tens of seconds at a million students). Pool sizes are
 * primes so that two picks from one hash do not correlate.
 */
import { Faker, base, en } from '@faker-js/faker';

export interface NamePools {
  firstNames: Uint8Array[];
  lastNames: Uint8Array[];
  /** Lower-case a-z forms of the names, for email local parts. */
  firstNamesEmail: string[];
  lastNamesEmail: string[];
  cities: Uint8Array[];
  /** Short topics for task, test and resource titles. */
  topics: Uint8Array[];
  /** One-sentence task descriptions. */
  sentences: Uint8Array[];
}

const SIZES = { firstNames: 1021, lastNames: 509, cities: 251, topics: 509, sentences: 251 } as const;

/** Longest pool string in UTF-16 units; rows stay under MAX_ROW_BYTES (SchoolRowContext.ts). */
const MAX_CHARS = 80;

const encoder = new TextEncoder();

function clip(s: string): string {
  return s.length <= MAX_CHARS ? s : Array.from(s.slice(0, MAX_CHARS)).slice(0, -1).join('');
}

function emailPart(s: string): string {
  return s.normalize('NFKD').toLowerCase().replace(/[^a-z]/g, '') || 'student';
}

export function buildNamePools(seed: number): NamePools {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed >>> 0);
  const make = (n: number, f: () => string) => Array.from({ length: n }, () => clip(f()));
  const firstNames = make(SIZES.firstNames, () => faker.person.firstName());
  const lastNames = make(SIZES.lastNames, () => faker.person.lastName());
  const cities = make(SIZES.cities, () => faker.location.city());
  const topics = make(SIZES.topics, () => `${faker.word.adjective()} ${faker.word.noun()}`);
  const sentences = make(SIZES.sentences, () => faker.lorem.sentence());
  const bytes = (a: string[]) => a.map((s) => encoder.encode(s));
  return {
    firstNames: bytes(firstNames),
    lastNames: bytes(lastNames),
    firstNamesEmail: firstNames.map(emailPart),
    lastNamesEmail: lastNames.map(emailPart),
    cities: bytes(cities),
    topics: bytes(topics),
    sentences: bytes(sentences),
  };
}
