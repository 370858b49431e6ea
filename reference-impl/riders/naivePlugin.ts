/*
 * The riders API as seed 002's "before" (the `naive` variant): plain tables, no Redis, one INSERT per location
 * update, the leaderboard aggregated live, dispatch straight from the orders table, no background jobs.
 */
import type { WorkloadPlugin } from '../platform/WorkloadPlugin.ts';
import { naiveBackend } from './naive/naiveBackend.ts';
import { ridersRoutes } from './routes/ridersRoutes.ts';

export const naivePlugin: WorkloadPlugin = {
  keyFamilies: [],
  register: async (app, { parts }) => {
    ridersRoutes(app, { backend: naiveBackend(parts.db), metrics: parts.metrics, retryAfterS: 1 });
  },
};
