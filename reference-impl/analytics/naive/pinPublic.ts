/*
 * GET /pin/public/:number, the "before": no cache, and the page assembled from one query per table, in
 * turn: the PIN, then its owner's profile, then its skills, then its experiences (four round trips where the
 * optimized variant makes one, statements.ts PIN_PUBLIC). Each query renders its values as json text in
 * Postgres, so the body is byte-identical to the optimized one (see pgJsonText.ts): same keys, same order,
 * skills by name, experiences newest first. Statements are sent unnamed: the before has no prepared statements.
 *
 * ETag, Cache-Control and 304 are kept so both variants answer the same statuses and headers. A CDN header
 * is not a cache in the API: every request, 304 included, still runs the four queries and hashes the body.
 */
import type { FastifyInstance } from 'fastify';
import { etagOf, ifNoneMatchMatches } from '../../platform/cache/etag.ts';
import type { Database } from '../../platform/db/Database.ts';
import { httpErrors } from '../../platform/errors/httpErrors.ts';
import { parsePinNumber } from '../validation/pinNumber.ts';
import type { NaiveParts } from './NaiveParts.ts';
import { jsonArrayText, jsonObjectText } from './pgJsonText.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

const PIN = `
SELECT id, user_id, to_json(pin_number)::text AS pin_number, to_json(title)::text AS title, to_json(bio)::text AS bio,
       to_json(created_at)::text AS created_at, to_json(updated_at)::text AS updated_at
FROM professional_pins WHERE pin_number = $1 AND visibility = 'public'`;
const PROFILE = `
SELECT json_build_object('user_id', user_id, 'full_name', full_name, 'headline', headline, 'location', location)::text AS item
FROM profiles WHERE user_id = $1`;
const SKILLS = `
SELECT json_build_object('name', skill_name, 'level', level)::text AS item
FROM pin_skills WHERE pin_id = $1 ORDER BY skill_name`;
const EXPERIENCES = `
SELECT json_build_object('company', company, 'role', role, 'start_date', start_date, 'end_date', end_date)::text AS item
FROM pin_experiences WHERE pin_id = $1 ORDER BY start_date DESC, id`;

interface PinRow {
  id: string;
  user_id: string;
  pin_number: string;
  title: string;
  bio: string | null;
  created_at: string;
  updated_at: string;
}

async function items(db: Database, text: string, value: string): Promise<string[]> {
  return (await db.query<{ item: string }>({ text, values: [value] })).rows.map((r) => r.item);
}

/** The public page's JSON text, or null when there is no public PIN with that number. */
async function loadPage(db: Database, pinNumber: string): Promise<string | null> {
  const pin = (await db.query<PinRow>({ text: PIN, values: [pinNumber] })).rows[0];
  if (pin === undefined) return null;
  const [profile] = await items(db, PROFILE, pin.user_id);
  const skills = await items(db, SKILLS, pin.id);
  const experiences = await items(db, EXPERIENCES, pin.id);
  return jsonObjectText([
    ['pin_number', pin.pin_number],
    ['title', pin.title],
    ['bio', pin.bio],
    ['created_at', pin.created_at],
    ['updated_at', pin.updated_at],
    ['profile', profile ?? null],
    ['skills', jsonArrayText(skills)],
    ['experiences', jsonArrayText(experiences)],
  ]);
}

export function naivePinPublicRoute(app: FastifyInstance, parts: NaiveParts): void {
  const { db, settings } = parts;
  const cacheControl = `public, max-age=${settings.pinTtlS}`;

  app.get<{ Params: { number: string } }>('/pin/public/:number', async (request, reply) => {
    const pinNumber = parsePinNumber(request.params.number);
    let body: string | null;
    try {
      body = await loadPage(db, pinNumber);
    } catch (err) {
      throw httpErrors.databaseUnavailable(err);
    }
    if (body === null) throw httpErrors.pinNotFound(pinNumber);
    const etag = etagOf(body);
    reply.headers({ etag, 'cache-control': cacheControl });
    const inm = request.headers['if-none-match'];
    if (inm !== undefined && ifNoneMatchMatches(inm, etag)) return reply.code(304).send();
    return reply.type(JSON_TYPE).send(body);
  });
}
