/* GET /metrics: Prometheus text from the app's own registry. */
import type { FastifyInstance } from 'fastify';
import type { PlatformParts } from '../PlatformParts.ts';

export function metricsRoute(app: FastifyInstance, parts: PlatformParts): void {
  const { registry } = parts.metrics;
  app.get('/metrics', async (_request, reply) => {
    const text = await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
}
