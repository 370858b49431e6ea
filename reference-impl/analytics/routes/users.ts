/* GET /users/:id: a user's profile, cached under user:<id> for userTtlS (TTL-only invalidation). */
import type { FastifyInstance } from 'fastify';
import type { AnalyticsParts } from '../AnalyticsParts.ts';
import { cacheKeys } from '../cacheKeys.ts';
import { httpErrors } from '../../platform/errors/httpErrors.ts';
import { statements } from '../statements.ts';
import { parseUserId } from '../validation/userId.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export function usersRoute(app: FastifyInstance, parts: AnalyticsParts): void {
  const { cache, db, settings } = parts;

  async function load(userId: string): Promise<string | null> {
    try {
      return (await db.query<{ body: string }>(statements.userProfile(userId))).rows[0]?.body ?? null;
    } catch (err) {
      throw httpErrors.databaseUnavailable(err);
    }
  }

  app.get<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
    const userId = parseUserId(request.params.id);
    const { value, hit } = await cache.fetch('user', cacheKeys.user(userId), settings.userTtlS, () => load(userId));
    if (value === null) throw httpErrors.userNotFound(userId);
    reply.header('x-cache', hit ? 'HIT' : 'MISS');
    return reply.type(JSON_TYPE).send(value);
  });
}
