/* The students page document, the same for both variants: rows in name order, one page, hasMore. */
import type { StudentsQuery } from '../validation/studentsQuery.ts';

export interface StudentRow {
  id: string;
  student_code: string;
  full_name: string;
  email: string;
  phone: string | null;
  class_instance_id: string;
}

/** `rows` holds up to pageSize + 1 students of the page in order; the extra one only says there are more. */
export function studentsPage(q: StudentsQuery, rows: readonly StudentRow[]): string {
  return JSON.stringify({
    schoolCode: q.schoolCode,
    page: q.page,
    pageSize: q.pageSize,
    hasMore: rows.length > q.pageSize,
    students: rows.slice(0, q.pageSize).map((r) => ({
      id: Number(r.id),
      studentCode: r.student_code,
      fullName: r.full_name,
      email: r.email,
      phone: r.phone,
      classInstanceId: Number(r.class_instance_id),
    })),
  });
}
