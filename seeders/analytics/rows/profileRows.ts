/*
 * profiles rows for ids [from, to): one per user, id = user_id. Names and headlines come from the faker
 * pools, the email is built from the id (unique without a dedupe pass), the rest from hash32.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { HashTable, columnHash, hash32, rowKey } from '../../engine/hash32.ts';
import { MAX_TEXT_ROW_BYTES, type RowContext } from '../RowContext.ts';

export const PROFILE_COLUMNS = ['id', 'user_id', 'full_name', 'headline', 'email', 'location', 'is_active', 'created_at'] as const;

const DAY_MS = 86_400_000;
const SIGNUP_SPAN_MS = 3 * 365 * DAY_MS; // accounts were opened over the three years before asOf
const AT = new TextEncoder().encode(' at ');
const DOT = '.'.charCodeAt(0);
const EMAIL_DOMAIN = '@example.com';

const enum Col { First, Last, Title, Company, City, HasCity, Active, Created }

/** When user `id` signed up (epoch ms); pins are created after it. */
export function profileCreatedAtMs(ctx: RowContext, id: number): number {
  return ctx.asOfMs - SIGNUP_SPAN_MS + Math.floor((hash32(ctx.seed, HashTable.profiles, id, Col.Created) / 4294967296) * (SIGNUP_SPAN_MS - DAY_MS));
}

export function* profileRows(ctx: RowContext, from: number, to: number): Generator<CopyChunk> {
  const { seed, pools } = ctx;
  const T = HashTable.profiles;
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let id = from; id < to; id++) {
    if (w.full(MAX_TEXT_ROW_BYTES)) yield w.take();
    const key = rowKey(seed, T, id);
    const first = columnHash(key, Col.First) % pools.firstNames.length;
    const last = columnHash(key, Col.Last) % pools.lastNames.length;
    w.row(8);
    w.int8(id);
    w.int8(id);
    w.joined(pools.firstNames[first]!, 32, pools.lastNames[last]!);
    const headline = w.beginText();
    w.raw(pools.jobTitles[columnHash(key, Col.Title) % pools.jobTitles.length]!);
    w.raw(AT);
    w.raw(pools.companies[columnHash(key, Col.Company) % pools.companies.length]!);
    w.endText(headline);
    const email = w.beginText(); // first.last.<id>@example.com: unique because the id is
    w.asciiRaw(pools.firstNamesEmail[first]!);
    w.byte(DOT);
    w.asciiRaw(pools.lastNamesEmail[last]!);
    w.byte(DOT);
    w.digitsRaw(id, 1);
    w.asciiRaw(EMAIL_DOMAIN);
    w.endText(email);
    if (columnHash(key, Col.HasCity) % 100 < 95) w.bytes(pools.cities[columnHash(key, Col.City) % pools.cities.length]!);
    else w.null();
    w.bool(columnHash(key, Col.Active) % 100 < 97);
    w.timestamptzMs(profileCreatedAtMs(ctx, id));
  }
  yield w.finish();
}
