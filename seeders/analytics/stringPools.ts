/*
 * Human-looking strings, made once per seed with faker and kept as UTF-8 bytes. Rows then pick from these
 * pools by hash: faker per row would cost microseconds a call, tens of seconds at a million users.
 * Pool sizes are primes so that stepping through a pool (distinct skills per pin) never repeats early.
 */
import { Faker, base, en } from '@faker-js/faker';

export interface StringPools {
  firstNames: Uint8Array[];
  lastNames: Uint8Array[];
  /** Lower-case a-z forms of the names, for email local parts. */
  firstNamesEmail: string[];
  lastNamesEmail: string[];
  jobTitles: Uint8Array[];
  companies: Uint8Array[];
  cities: Uint8Array[];
  bios: Uint8Array[];
  /** Distinct (case-insensitively) skill names in byte order; (pin_id, skill_name) is a primary key. */
  skills: Uint8Array[];
}

const SIZES = { firstNames: 1021, lastNames: 509, jobTitles: 1021, companies: 2039, cities: 1021, bios: 1021, skills: 101 } as const;

const encoder = new TextEncoder();

function emailPart(s: string): string {
  const ascii = s.normalize('NFKD').toLowerCase().replace(/[^a-z]/g, '');
  return ascii || 'user';
}

/** Caps a string at `max` UTF-16 units so a row stays under MAX_TEXT_ROW_BYTES (RowContext.ts). */
function clip(s: string, max = 100): string {
  return s.length <= max ? s : Array.from(s.slice(0, max)).slice(0, -1).join('');
}

function pool(size: number, make: () => string, max?: number): string[] {
  return Array.from({ length: size }, () => clip(make(), max));
}

function distinctPool(size: number, makers: Array<() => string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let attempt = 0; out.length < size; attempt++) {
    if (attempt > size * 200) throw new Error(`faker gave fewer than ${size} distinct skills`);
    const s = clip(makers[attempt % makers.length]!());
    const key = s.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

export function buildStringPools(seed: number): StringPools {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed >>> 0);
  const firstNames = pool(SIZES.firstNames, () => faker.person.firstName());
  const lastNames = pool(SIZES.lastNames, () => faker.person.lastName());
  const jobTitles = pool(SIZES.jobTitles, () => faker.person.jobTitle());
  const companies = pool(SIZES.companies, () => faker.company.name());
  const cities = pool(SIZES.cities, () => `${faker.location.city()}, ${faker.location.country()}`);
  const bios = pool(SIZES.bios, () => `${faker.person.bio()}. ${faker.company.catchPhrase()}.`, 200);
  const skills = distinctPool(SIZES.skills, [
    () => faker.hacker.noun(),
    () => faker.person.jobArea(),
    () => faker.hacker.abbreviation(),
    () => faker.company.buzzNoun(),
    () => `${faker.hacker.adjective()} ${faker.hacker.noun()}`,
  ]);
  const bytes = (list: string[]) => list.map((s) => encoder.encode(s));
  return {
    firstNames: bytes(firstNames),
    lastNames: bytes(lastNames),
    firstNamesEmail: firstNames.map(emailPart),
    lastNamesEmail: lastNames.map(emailPart),
    jobTitles: bytes(jobTitles),
    companies: bytes(companies),
    cities: bytes(cities),
    bios: bytes(bios),
    // Byte order (= the C collation's): rows that list a PIN's skills by pool index are then already in
    // (pin_id, skill_name) order, so their two indexes build from presorted input.
    skills: bytes(skills).sort((a, b) => Buffer.compare(a, b)),
  };
}
