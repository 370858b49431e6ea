/*
 * The school workload's migrations: idempotent in a fresh schema for both variants, each variant gets exactly
 * its objects, and attendance's monthly partitions behave as the plan (2.4) describes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../harness/migrate/migrate.ts';
import { schoolMigrations } from '../../reference-impl/school/schema/schemaDirs.ts';
import { createSchoolDb, rows, schemaShape, type SchoolDb } from './seedHelpers.ts';

let s: SchoolDb;
beforeAll(async () => {
  s = await createSchoolDb('school schema migrations');
});
afterAll(async () => {
  await s?.db.drop();
});

async function objects(url: string): Promise<{ tables: string[]; views: string[]; functions: string[] }> {
  const r = await rows<{ kind: string; name: string }>(url,
    `SELECT CASE c.relkind WHEN 'm' THEN 'view' ELSE 'table' END AS kind, c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition
     UNION ALL
     SELECT 'function', p.proname FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
     ORDER BY 1, 2`);
  const of = (kind: string) => r.filter((x) => x.kind === kind).map((x) => x.name);
  return { tables: of('table'), views: of('view'), functions: of('function') };
}

const TABLES = [
  'academic_years', 'attendance', 'class_instances', 'fee_invoices', 'job_queue', 'learning_resources', 'scaleproof_dataset_manifest',
  'school_calendar_events', 'school_staff', 'schools', 'student', 'subjects', 'syllabus_topics', 'task_submissions', 'tasks', 'test_marks', 'tests',
];

describe('school migrations', () => {
  for (const variant of ['optimized', 'naive'] as const) {
    it(`apply twice in a fresh schema for the ${variant} variant and leave the same objects`, async () => {
      const url = s.url(variant);
      await migrate(url, schoolMigrations[variant]);
      const first = { objects: await objects(url), shape: await schemaShape(url) };
      await migrate(url, schoolMigrations[variant]);
      expect({ objects: await objects(url), shape: await schemaShape(url) }).toEqual(first);
      expect(first.objects.tables).toEqual(TABLES);
      if (variant === 'optimized') {
        expect(first.objects.views).toEqual(['mv_academics_analytics', 'mv_attendance_analytics', 'mv_tasks_analytics']);
        expect(first.objects.functions).toEqual(expect.arrayContaining(['get_academics_analytics', 'get_attendance_analytics', 'get_dashboard_data', 'get_school_dashboard', 'get_tasks_analytics', 'refresh_school_analytics_views']));
      } else {
        // The plan's "before": no materialized views, no RPCs, only the partition helper.
        expect(first.objects.views).toEqual([]);
        expect(first.objects.functions).toEqual(['ensure_attendance_partitions']);
      }
    });
  }

  it('keeps the two variants in their own schemas: no school table lands in public', async () => {
    await migrate(s.url('optimized'), schoolMigrations.optimized);
    const leaked = await rows(s.db.url, `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname IN ('student', 'attendance', 'tasks')`);
    expect(leaked).toEqual([]);
  });

  it('partitions attendance by month: current month and six ahead exist, a missing month lands in DEFAULT and moves out when its partition is made', async () => {
    const url = s.url('naive');
    await migrate(url, schoolMigrations.naive);
    const leaves = await rows<{ n: string }>(url, `SELECT count(*) AS n FROM pg_inherits WHERE inhparent = 'attendance'::regclass`);
    expect(Number(leaves[0]!.n)).toBeGreaterThanOrEqual(8); // 7 months + DEFAULT
    await rows(url, `INSERT INTO schools (id, school_code, name) VALUES (1, 'SCH00001', 'A') ON CONFLICT DO NOTHING`);
    await rows(url, `INSERT INTO academic_years (id, school_id, name, start_date, end_date) VALUES (1, 1, 'y', '2001-08-01', '2002-07-31') ON CONFLICT DO NOTHING`);
    await rows(url, `INSERT INTO class_instances (id, school_id, school_code, academic_year_id, grade, section) VALUES (1, 1, 'SCH00001', 1, 6, 'A') ON CONFLICT DO NOTHING`);
    await rows(url, `INSERT INTO student (id, school_id, school_code, class_instance_id, student_code, full_name, email) VALUES (1, 1, 'SCH00001', 1, 'STU0000001', 'A B', 'a@b') ON CONFLICT DO NOTHING`);
    await rows(url, `INSERT INTO attendance (student_id, class_instance_id, date, status) VALUES (1, 1, '2001-03-05', 'present')`);
    expect(await rows(url, `SELECT tableoid::regclass::text AS p FROM attendance`)).toEqual([{ p: 'attendance_default' }]);
    expect(await rows(url, `SELECT ensure_attendance_partitions(0, 0, '2001-03-20') AS p`)).toEqual([{ p: 'attendance_y2001m03' }]);
    expect(await rows(url, `SELECT tableoid::regclass::text AS p FROM attendance`)).toEqual([{ p: 'attendance_y2001m03' }]);
    // (student_id, date) is the key, partition key included: marking twice conflicts.
    await expect(rows(url, `INSERT INTO attendance (student_id, class_instance_id, date, status) VALUES (1, 1, '2001-03-05', 'late')`)).rejects.toThrow(/duplicate key/);
  });

  it('gives job_queue the plan\'s defaults: pending, 0 attempts, 3 max attempts', async () => {
    const url = s.url('optimized');
    await migrate(url, schoolMigrations.optimized);
    const [job] = await rows(url, `INSERT INTO job_queue (job_type, payload) VALUES ('generate_report', '{"school":"SCH00001"}') RETURNING status, attempts, max_attempts, priority, run_at <= now() AS due`);
    expect(job).toEqual({ status: 'pending', attempts: 0, max_attempts: 3, priority: 0, due: true });
    await expect(rows(url, `INSERT INTO job_queue (job_type, status) VALUES ('x', 'lost')`)).rejects.toThrow(/check constraint/);
  });
});
