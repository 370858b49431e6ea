/*
 * GET /schools/:code/resources?class=&limit=: optional class (a class of that school, else 404) and limit
 * 1..100. The default is the plan's `{ to: limit ?? 99 }` (rows 0..99: 100 resources).
 */
import { patterns } from './routeSchema.ts';

export const DEFAULT_RESOURCES_LIMIT = 100;

export interface ResourcesQuery {
  schoolCode: string;
  classId: number | null;
  limit: number;
}

export interface ResourcesQuerystring {
  class?: string;
  limit?: string;
}

export const resourcesQuerySchema = {
  type: 'object',
  properties: { class: patterns.id, limit: patterns.limit },
} as const;

export function parseResourcesQuery(schoolCode: string, qs: ResourcesQuerystring): ResourcesQuery {
  return {
    schoolCode,
    classId: qs.class === undefined ? null : Number(qs.class),
    limit: qs.limit === undefined ? DEFAULT_RESOURCES_LIMIT : Number(qs.limit),
  };
}
