/*
 * The report job (seed 001 3.1's generate_report): a school's attendance summary over a term, per class and in
 * total, computed from the attendance rows themselves (not the materialized views, so both variants compute
 * the same report and it is exact at the time it runs). The result is stored in the job row.
 */
import type pg from 'pg';
import type { JobHandler } from './JobWorker.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface TermReportPayload {
  school_code: string;
  from: string;
  to: string;
}

const TERM_REPORT = `
WITH counts AS (
  SELECT a.class_instance_id,
         count(*) FILTER (WHERE a.status = 'present') AS present,
         count(*) FILTER (WHERE a.status = 'absent') AS absent,
         count(*) FILTER (WHERE a.status = 'late') AS late,
         count(*) AS total,
         count(DISTINCT a.date) AS days
  FROM attendance a
  JOIN class_instances ci ON ci.id = a.class_instance_id
  WHERE ci.school_code = $1 AND a.date BETWEEN $2::date AND $3::date
  GROUP BY a.class_instance_id
)
SELECT json_build_object(
  'schoolCode', $1::text, 'from', $2::date, 'to', $3::date,
  'totals', (SELECT json_build_object(
      'classes', count(*), 'present', COALESCE(sum(present), 0), 'absent', COALESCE(sum(absent), 0),
      'late', COALESCE(sum(late), 0), 'marks', COALESCE(sum(total), 0),
      'attendanceRate', COALESCE(round(100.0 * sum(present) / NULLIF(sum(total), 0), 2), 0))
    FROM counts),
  'classes', COALESCE((SELECT json_agg(json_build_object(
      'classId', ci.id, 'grade', ci.grade, 'section', ci.section, 'days', k.days, 'present', k.present,
      'absent', k.absent, 'late', k.late, 'marks', k.total,
      'attendanceRate', round(100.0 * k.present / k.total, 2)) ORDER BY ci.grade, ci.section, ci.id)
    FROM counts k JOIN class_instances ci ON ci.id = k.class_instance_id), '[]'::json)
) AS report`;

function parsePayload(payload: unknown): TermReportPayload {
  const p = payload as Partial<Record<keyof TermReportPayload, unknown>> | null;
  if (p === null || typeof p !== 'object' || typeof p.school_code !== 'string'
    || typeof p.from !== 'string' || !DATE.test(p.from) || typeof p.to !== 'string' || !DATE.test(p.to)) {
    throw new Error(`school_term_report payload ${JSON.stringify(payload).slice(0, 200)} needs school_code, from and to (YYYY-MM-DD)`);
  }
  return { school_code: p.school_code, from: p.from, to: p.to };
}

export const termReport: JobHandler = async (payload, db) => {
  const p = parsePayload(payload);
  const q: pg.QueryConfig = { name: 'sp_school_term_report', text: TERM_REPORT, values: [p.school_code, p.from, p.to] };
  return (await db.query<{ report: unknown }>(q)).rows[0]?.report;
};

/** Job type -> handler: what this API's worker knows how to run. */
export const schoolJobHandlers = Object.freeze({ school_term_report: termReport });
