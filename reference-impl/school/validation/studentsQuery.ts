/*
 * GET /schools/:code/students?q=&page=&pageSize=: q is a plain search text (letters, digits, space and
 * @ . _ ' -, at most 50), matched case-insensitively as a substring of name, email or student code (seed 001
 * 1.2's full_name/email/student_code ILIKE); pages are 1-based, pageSize 1..100 (default 50, the plan's).
 */
import { patterns } from './routeSchema.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE = 100_000;

export interface StudentsQuery {
  schoolCode: string;
  /** Lower-cased search text, or null for no filter. */
  q: string | null;
  page: number;
  pageSize: number;
}

export interface StudentsQuerystring {
  q?: string;
  page?: string;
  pageSize?: string;
}

export const studentsQuerySchema = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 50, pattern: "^[A-Za-z0-9 @._'-]*$" },
    page: { type: 'string', pattern: '^[1-9][0-9]{0,4}$' },
    pageSize: patterns.limit,
  },
} as const;

export function parseStudentsQuery(schoolCode: string, qs: StudentsQuerystring): StudentsQuery {
  const q = qs.q?.trim().toLowerCase();
  return {
    schoolCode,
    q: q === undefined || q === '' ? null : q,
    page: qs.page === undefined ? 1 : Number(qs.page),
    pageSize: qs.pageSize === undefined ? DEFAULT_PAGE_SIZE : Number(qs.pageSize),
  };
}
