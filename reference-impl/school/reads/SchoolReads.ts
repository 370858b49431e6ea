/*
 * What the read routes ask of a variant. The routes (validation, auth, rate limit, status codes) are the same
 * for both; only where the answer comes from differs: optimized = RPCs over materialized views, Redis cache,
 * SQL paging; naive = raw rows aggregated in JavaScript, several queries, no cache. Both answer byte-identical
 * JSON for the same data. null means the school code is unknown (404).
 */
import type { AnalyticsQuery } from '../validation/analyticsQuery.ts';
import type { ResourcesQuery } from '../validation/resourcesQuery.ts';
import type { StudentsQuery } from '../validation/studentsQuery.ts';

export interface ReadResult {
  /** The JSON document, ready to send. */
  body: Buffer | string;
  /** Set by cached reads: the X-Cache header. */
  cache?: 'HIT' | 'MISS';
}

export interface SchoolReads {
  dashboard(schoolCode: string): Promise<ReadResult | null>;
  tasksAnalytics(q: AnalyticsQuery): Promise<ReadResult | null>;
  academicsAnalytics(q: AnalyticsQuery): Promise<ReadResult | null>;
  attendanceAnalytics(q: AnalyticsQuery): Promise<ReadResult | null>;
  students(q: StudentsQuery): Promise<ReadResult | null>;
  /** Learning resources of the school's classes; throws CLASS_NOT_FOUND when q.classId is not one of them. */
  resources(q: ResourcesQuery): Promise<ReadResult | null>;
}
