/*
 * A workload's API, as fastify-style plugin: buildApp(config, plugin) makes the platform (pools, cache, metrics,
 * health, error handling, lifecycle) and registers `plugin` in its own scope with the platform parts.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { PlatformParts } from './PlatformParts.ts';

export interface WorkloadPlugin {
  /** Cache key families the API uses (pre-registered in /metrics, so a scrape before the first hit reads 0). */
  keyFamilies: readonly string[];
  /** Registers the routes; may add buffers and tasks to parts before it returns. */
  register: FastifyPluginAsync<{ parts: PlatformParts }>;
}
