/*
 * The analytics API's naive variant (seed 000's "before"): the same routes, statuses and JSON bodies as the
 * optimized plugin (analyticsPlugin.ts), built the way the plan says it was before: no Redis cache, the
 * public PIN page from one query per table, dashboards aggregated live from raw events, one INSERT per
 * event, no prepared statements, no replica routing, no partition or rollup upkeep (its schema,
 * schema/naive/, has neither). Routes live in naive/, one file each. Messaging writes and reads Postgres
 * directly (messaging/postgresMessaging.ts): the plan's before of its KV chat.
 */
import type { WorkloadPlugin } from '../platform/WorkloadPlugin.ts';
import { analyticsSettings } from './analyticsSettings.ts';
import type { NaiveParts } from './naive/NaiveParts.ts';
import { naivePinAnalyticsRoute } from './naive/pinAnalytics.ts';
import { naivePinEventsRoute } from './naive/pinEvents.ts';
import { naivePinPublicRoute } from './naive/pinPublic.ts';
import { naiveUsersRoute } from './naive/users.ts';
import { postgresMessaging } from './messaging/postgresMessaging.ts';
import { matchRoutes } from './routes/matchRoutes.ts';

export const naiveAnalyticsPlugin: WorkloadPlugin = {
  keyFamilies: [],
  register: async (app, { parts: platform }) => {
    const parts: NaiveParts = { ...platform, settings: analyticsSettings(platform.settings) };
    naivePinPublicRoute(app, parts);
    naivePinAnalyticsRoute(app, parts);
    naivePinEventsRoute(app, parts);
    naiveUsersRoute(app, parts);
    matchRoutes(app, postgresMessaging(parts.db));
  },
};
