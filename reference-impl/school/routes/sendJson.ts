/* Sends a read's JSON document (X-Cache when it came through the cache), or the school's 404. */
import type { FastifyReply } from 'fastify';
import { schoolErrors } from '../errors/schoolErrors.ts';
import type { ReadResult } from '../reads/SchoolReads.ts';

export const JSON_TYPE = 'application/json; charset=utf-8';

export function sendRead(reply: FastifyReply, schoolCode: string, result: ReadResult | null): FastifyReply {
  if (result === null) throw schoolErrors.schoolNotFound(schoolCode);
  if (result.cache !== undefined) reply.header('x-cache', result.cache);
  return reply.type(JSON_TYPE).send(result.body);
}
