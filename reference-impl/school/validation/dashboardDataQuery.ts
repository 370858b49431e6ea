/*
 * GET /schools/:code/users/:userId/dashboard?class=: the plan's get_dashboard_data(p_user_id, p_school_code,
 * p_class_instance_id). userId and class are positive ids (malformed: 400); an unknown user or class is 404.
 */
import { patterns } from './routeSchema.ts';

export interface DashboardDataQuery {
  schoolCode: string;
  userId: number;
  classId: number | null;
}

export interface DashboardDataParams {
  code: string;
  userId: string;
}

export interface DashboardDataQuerystring {
  class?: string;
}

export const dashboardDataParamsSchema = {
  type: 'object',
  required: ['code', 'userId'],
  properties: { code: patterns.schoolCode, userId: patterns.id },
} as const;

export const dashboardDataQuerySchema = {
  type: 'object',
  properties: { class: patterns.id },
} as const;

export function parseDashboardDataQuery(p: DashboardDataParams, qs: DashboardDataQuerystring): DashboardDataQuery {
  return { schoolCode: p.code, userId: Number(p.userId), classId: qs.class === undefined ? null : Number(qs.class) };
}
