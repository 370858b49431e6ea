/*
 * GET /pin/public/:number: the hot read. The cache holds "<etag>\n<body>" (both computed once, on the miss),
 * so a hit is one Redis GET and a send of the body's bytes as they came from Redis: no JSON parse, no
 * re-serialization, no hashing, no UTF-8 decoding.
 * 304 when If-None-Match matches; ETag, Cache-Control (seed 000: CDN 60 s) and X-Cache on 200 and 304.
 */
import type { FastifyInstance } from 'fastify';
import type { AnalyticsParts } from '../AnalyticsParts.ts';
import { cacheKeys } from '../cacheKeys.ts';
import { etagOf, ifNoneMatchMatches } from '../../platform/cache/etag.ts';
import { httpErrors } from '../../platform/errors/httpErrors.ts';
import { statements } from '../statements.ts';
import { parsePinNumber } from '../validation/pinNumber.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export function pinPublicRoute(app: FastifyInstance, parts: AnalyticsParts): void {
  const { cache, db, settings } = parts;
  const cacheControl = `public, max-age=${settings.pinTtlS}`;

  async function load(pinNumber: string): Promise<string | null> {
    let body: string | undefined;
    try {
      body = (await db.query<{ body: string }>(statements.pinPublic(pinNumber))).rows[0]?.body;
    } catch (err) {
      throw httpErrors.databaseUnavailable(err);
    }
    return body === undefined ? null : `${etagOf(body)}\n${body}`;
  }

  app.get<{ Params: { number: string } }>('/pin/public/:number', async (request, reply) => {
    const pinNumber = parsePinNumber(request.params.number);
    const { value, hit } = await cache.fetch('pin', cacheKeys.pin(pinNumber), settings.pinTtlS, () => load(pinNumber));
    if (value === null) throw httpErrors.pinNotFound(pinNumber);
    const nl = value.indexOf(10); // '\n'
    const etag = value.toString('latin1', 0, nl); // the ETag is ASCII
    reply.headers({ etag, 'cache-control': cacheControl, 'x-cache': hit ? 'HIT' : 'MISS' });
    const inm = request.headers['if-none-match'];
    if (inm !== undefined && ifNoneMatchMatches(inm, etag)) return reply.code(304).send();
    return reply.type(JSON_TYPE).send(value.subarray(nl + 1));
  });
}
