/*
 * The analytics routes' inputs: school code in the path; from/to (inclusive, at most MAX_RANGE_DAYS), optional
 * class, subject and limit in the query. Parsed into the typed query both variants answer.
 */
import { parseDateRange } from './calendarDate.ts';
import { patterns } from './routeSchema.ts';

/** A school year and a bit: bounds the rows one analytics request can touch. */
export const MAX_RANGE_DAYS = 400;
/** The plan's p_limit default. */
export const DEFAULT_LIMIT = 50;

export interface AnalyticsQuery {
  schoolCode: string;
  from: string;
  to: string;
  classId: number | null;
  subjectId: number | null;
  limit: number;
}

export interface AnalyticsQuerystring {
  from: string;
  to: string;
  class?: string;
  subject?: string;
  limit?: string;
}

export const schoolParamsSchema = {
  type: 'object',
  required: ['code'],
  properties: { code: patterns.schoolCode },
} as const;

/** Querystring schema; `fields` picks which optional filters the route takes. */
export function analyticsQuerySchema(fields: ReadonlyArray<'class' | 'subject' | 'limit'>) {
  const optional: Record<string, unknown> = {};
  if (fields.includes('class')) optional.class = patterns.id;
  if (fields.includes('subject')) optional.subject = patterns.id;
  if (fields.includes('limit')) optional.limit = patterns.limit;
  return {
    type: 'object',
    required: ['from', 'to'],
    properties: { from: patterns.date, to: patterns.date, ...optional },
  } as const;
}

export function parseAnalyticsQuery(schoolCode: string, q: AnalyticsQuerystring): AnalyticsQuery {
  const { from, to } = parseDateRange(q.from, q.to, MAX_RANGE_DAYS);
  return {
    schoolCode,
    from,
    to,
    classId: q.class === undefined ? null : Number(q.class),
    subjectId: q.subject === undefined ? null : Number(q.subject),
    limit: q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit),
  };
}
