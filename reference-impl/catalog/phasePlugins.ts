/*
 * Seed 004's first phases as their own variants (relationalPlugin.ts): what the plan's tables and indexes buy
 * alone (phase1), and with the Redis cache (phase2), before queues and row-level security.
 */
import { relationalPlugin } from './relationalPlugin.ts';

export const phase1Plugin = relationalPlugin({ cache: false, queue: false, isolation: 'where' });
export const phase2Plugin = relationalPlugin({ cache: true, queue: false, isolation: 'where' });
