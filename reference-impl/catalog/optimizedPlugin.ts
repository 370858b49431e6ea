/*
 * The catalog API as seed 004 plans it (the `optimized` variant): the plan's tables with row-level security
 * (Phase 1 + 4), one SELECT per read in a tenant transaction, Redis cache-aside with the plan's TTLs and tag
 * invalidation (Phase 2), a per-client rate limit in Redis (Phase 4), and reports as BullMQ jobs (Phase 3).
 */
import { relationalPlugin } from './relationalPlugin.ts';

export const optimizedPlugin = relationalPlugin({ cache: true, queue: true, isolation: 'rls' });
