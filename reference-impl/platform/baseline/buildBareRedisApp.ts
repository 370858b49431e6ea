/*
 * The ceiling for the cached read: a Fastify route that does nothing but one Redis GET of a fixed key and
 * sends the value as JSON. bench:api drives it exactly like GET /pin/public/:number (same path shape,
 * same connections, same duration) and reports cachedReadRps / bareRedisRouteRps.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';

export function buildBareRedisApp(opts: { redisUrl: string; key: string }): FastifyInstance {
  const redis = new Redis(opts.redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
  const app = Fastify({ logger: false });
  app.get('/pin/public/:number', async (_request, reply) => {
    const value = await redis.get(opts.key);
    return reply.type('application/json; charset=utf-8').send(value);
  });
  app.addHook('onClose', async () => {
    redis.disconnect();
  });
  return app;
}
