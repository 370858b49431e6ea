/*
 * The marketplace BFF before seed 003's plan (the `naive` variant), answering the same routes with the same
 * JSON: four to five queries per request against the tables (no materialized views, no phase-1 indexes, no
 * refresh), and the plan's own phase-4 limiter as written: an in-memory Map per instance, so N API processes let
 * N x the limit through. Same limits, statuses and headers, so a run measures the data path, not the limiter.
 */
import type { WorkloadPlugin } from '../platform/WorkloadPlugin.ts';
import { marketplaceSettings } from './marketplaceEnv.ts';
import { marketplaceLimitGuards } from './rateLimit/marketplaceLimits.ts';
import { naiveReads } from './reads/naiveReads.ts';
import { marketplaceRoutes } from './routes/marketplaceRoutes.ts';

export const naivePlugin: WorkloadPlugin = {
  keyFamilies: [],
  register: async (app, { parts }) => {
    const settings = marketplaceSettings(parts.settings);
    marketplaceRoutes(app, {
      reads: naiveReads(parts.db),
      guards: marketplaceLimitGuards('memory', parts, settings),
      edgeMaxAgeS: settings.edgeMaxAgeS,
    });
  },
};
