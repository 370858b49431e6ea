/*
 * The optimized variant's cache key families and keys. Every key starts with "school:" (after the platform's
 * config.redisKeyPrefix, which CacheLayer adds) and names every parameter of the answer, so two requests share
 * a key only when they get the same document (seed 001 2.3: analytics:<type>:<params>).
 */
import type { AnalyticsQuery } from '../validation/analyticsQuery.ts';

export const SCHOOL_KEY_FAMILIES = ['school_dashboard', 'school_tasks_analytics', 'school_academics_analytics', 'school_attendance_analytics'] as const;
export type SchoolKeyFamily = (typeof SCHOOL_KEY_FAMILIES)[number];

const opt = (id: number | null) => (id === null ? '*' : String(id));

export const schoolCacheKeys = {
  dashboard: (code: string) => `school:dashboard:${code}`,
  tasks: (q: AnalyticsQuery) => `school:analytics:tasks:${q.schoolCode}:${q.from}:${q.to}:${opt(q.classId)}:${q.limit}`,
  academics: (q: AnalyticsQuery) => `school:analytics:academics:${q.schoolCode}:${q.from}:${q.to}:${opt(q.classId)}:${opt(q.subjectId)}:${q.limit}`,
  attendance: (q: AnalyticsQuery) => `school:analytics:attendance:${q.schoolCode}:${q.from}:${q.to}:${opt(q.classId)}`,
};
