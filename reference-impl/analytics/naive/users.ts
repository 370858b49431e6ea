/*
 * GET /users/:id, the "before": the optimized variant's one-table query (statements.ts USER_PROFILE), but
 * from Postgres on every request (no user:<id> cache) and sent unnamed (no prepared statement).
 */
import type { FastifyInstance } from 'fastify';
import { httpErrors } from '../../platform/errors/httpErrors.ts';
import { statements } from '../statements.ts';
import { parseUserId } from '../validation/userId.ts';
import type { NaiveParts } from './NaiveParts.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export function naiveUsersRoute(app: FastifyInstance, parts: NaiveParts): void {
  const { db } = parts;

  app.get<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
    const userId = parseUserId(request.params.id);
    const { text, values } = statements.userProfile(userId); // the same SQL, without its statement name
    let body: string | undefined;
    try {
      body = (await db.query<{ body: string }>({ text, values })).rows[0]?.body;
    } catch (err) {
      throw httpErrors.databaseUnavailable(err);
    }
    if (body === undefined) throw httpErrors.userNotFound(userId);
    return reply.type(JSON_TYPE).send(body);
  });
}
