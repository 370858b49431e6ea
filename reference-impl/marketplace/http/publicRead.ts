/*
 * Public reads as an edge cache wants them (seed 003: "Edge Function Caching | max-age=300 for public data",
 * Cloudflare in front): Cache-Control public with max-age, a strong ETag of the body, and 304 Not Modified when
 * the client's If-None-Match already holds it. The body is built either way: the ETag is its hash.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagOf, ifNoneMatchMatches } from '../../platform/cache/etag.ts';

export const JSON_TYPE = 'application/json; charset=utf-8';

export function sendPublicRead(request: FastifyRequest, reply: FastifyReply, document: unknown, maxAgeS: number): FastifyReply {
  const body = JSON.stringify(document);
  const etag = etagOf(body);
  reply.header('cache-control', `public, max-age=${maxAgeS}`).header('etag', etag);
  const inm = request.headers['if-none-match'];
  if (typeof inm === 'string' && ifNoneMatchMatches(inm, etag)) return reply.code(304).send();
  return reply.type(JSON_TYPE).send(body);
}
