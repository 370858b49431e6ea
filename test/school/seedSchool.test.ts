/*
 * The school seeder against real Postgres at 2,000 students (two schools, 50 classes): determinism, skip on an
 * identical manifest, the keys and indexes a load leaves behind, referential integrity, and rows that match
 * the layout arithmetic the load scenarios rely on (scenarios/school/layout.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../harness/migrate/migrate.ts';
import { schoolMigrations } from '../../reference-impl/school/schema/schemaDirs.ts';
import {
  TASKS_PER_CLASS, TERM_SCHOOL_DAYS, classIdOfTask, isoDate, keysOfStudent, schoolCode, subjectIdOfTask, subjectIdOfTest, termRangeMs,
} from '../../scenarios/school/layout.ts';
import { schoolDataset } from '../../seeders/school/schoolDataset.ts';
import { AS_OF, createSchoolDb, leafShape, rows, schemaShape, seedTiny, tableChecksums, type SchoolDb } from './seedHelpers.ts';

const dbs: SchoolDb[] = [];
afterAll(async () => {
  while (dbs.length) await dbs.pop()!.db.drop();
});

async function db(name: string): Promise<SchoolDb> {
  const d = await createSchoolDb(name);
  dbs.push(d);
  return d;
}

describe('school seeder', () => {
  it('fills identical tables for the same seed and different ones for another seed', async () => {
    const d = await db('school seed determinism');
    // Three schemas of one database: the variants' schemas, and a third seeded through the same code path.
    await seedTiny(d.url('optimized'), { seed: 7 });
    await seedTiny(d.url('naive'), { variant: 'naive', seed: 7 });
    await seedTiny(d.url('other'), { variant: 'naive', seed: 8 });
    const [a, b, c] = [await tableChecksums(d.url('optimized')), await tableChecksums(d.url('naive')), await tableChecksums(d.url('other'))];
    expect(a).toEqual(b);
    // academic_years and subjects are pure layout (no hashed column); every other table differs.
    for (const table of Object.keys(a)) {
      if (table === 'academic_years' || table === 'subjects') expect(c[table], table).toEqual(a[table]);
      else expect(c[table], table).not.toEqual(a[table]);
    }
  });

  it('skips a second run with the same parameters and reloads on --force or another seed', async () => {
    const d = await db('school seed skip');
    const url = d.url('optimized');
    const first = await seedTiny(url);
    expect(first.skipped).toBe(false);
    expect(first.copies).toBe(12); // 10 tables + attendance's two months (September, October)
    const lines: string[] = [];
    const second = await seedTiny(url, { lines });
    expect(second.skipped).toBe(true);
    expect(second.copies).toBe(0);
    expect(lines.join('\n')).toMatch(/already loaded; skipping/);
    expect(second.identity).toEqual(first.identity);
    expect(first.identity).toMatchObject({ workload: 'school', variant: 'optimized', seed: 7, users: 2000, generatorVersion: expect.stringMatching(/^scaleproof-school-seed\//) });
    expect(first.identity.parameters).toMatchObject({ asOf: AS_OF, termSchoolDays: TERM_SCHOOL_DAYS, studentsPerClass: 40, classesPerSchool: 25 });
    expect(first.identity.rowCounts).toMatchObject({ schools: 2, class_instances: 50, student: 2000, attendance: 2000 * TERM_SCHOOL_DAYS, tasks: 50 * TASKS_PER_CLASS });
    expect((await seedTiny(url, { force: true })).skipped).toBe(false);
    expect((await seedTiny(url, { seed: 8 })).skipped).toBe(false);
  });

  it('seeds through the DatasetDefinition (SeedRequest) with a raw COPY measurement beside it', async () => {
    const d = await db('school dataset definition');
    const out = await schoolDataset.seed({ databaseUrl: d.url('naive'), variant: 'naive', users: 1000, seed: 3, distribution: { kind: 'uniform' }, asOf: AS_OF, log: () => undefined });
    expect(out.skipped).toBe(false);
    expect(out.identity.rowCounts.attendance).toBe(1000 * TERM_SCHOOL_DAYS);
    expect(out.largestTableRowsPerSecond).toBeGreaterThan(0);
    expect(Object.keys(out.phases)).toEqual(expect.arrayContaining(['prepare', 'attendance', 'tables', 'indexes', 'foreignKeys', 'analyze', 'verify']));
    const raw = await schoolDataset.measureRawCopy!(d.url('naive'), 50_000);
    expect(raw.rows).toBeGreaterThanOrEqual(50_000);
    expect(raw.rowsPerSecond).toBeGreaterThan(0);
    expect(await rows(d.url('naive'), `SELECT relname FROM pg_class WHERE relname LIKE 'scaleproof_raw_copy%'`)).toEqual([]);
  });

  it('leaves every key, index and foreign key as a fresh migration has them, valid, with sequences past the loaded ids', async () => {
    const d = await db('school seed shape');
    const url = d.url('optimized');
    await migrate(url, schoolMigrations.optimized);
    const before = await schemaShape(url);
    await seedTiny(url);
    expect(await schemaShape(url)).toEqual(before);
    expect(before.join('\n')).not.toMatch(/not valid/);
    // Every attendance leaf (term months, now's months, DEFAULT) has the key and the class index, attached.
    const leaves = await leafShape(url);
    expect(Object.keys(leaves)).toEqual(expect.arrayContaining(['attendance_y2026m09', 'attendance_y2026m10', 'attendance_default']));
    for (const [leaf, shape] of Object.entries(leaves)) {
      expect(shape, leaf).toEqual(expect.arrayContaining([
        'btree (student_id, date) attached', 'btree (class_instance_id, date) attached', 'PRIMARY KEY (student_id, date)',
      ]));
    }
    // Sequences continue after the loaded ids, so the API's inserts do not collide.
    const [seq] = await rows<{ next: string; max: string }>(url, `SELECT nextval(pg_get_serial_sequence('tasks', 'id'))::text AS next, (SELECT max(id) FROM tasks)::text AS max`);
    expect(Number(seq!.next)).toBe(Number(seq!.max) + 1);
    // Nothing left in DEFAULT; the manifest is complete.
    expect(await rows(url, `SELECT count(*)::int AS n FROM attendance_default`)).toEqual([{ n: 0 }]);
    expect(await rows(url, `SELECT status FROM scaleproof_dataset_manifest`)).toEqual([{ status: 'complete' }]);
  });

  it('restores the keys a killed load dropped: a manifest left in loading reseeds from scratch', async () => {
    const d = await db('school seed killed');
    const url = d.url('naive');
    await migrate(url, schoolMigrations.naive);
    const before = await schemaShape(url);
    await seedTiny(url, { variant: 'naive' });
    // Simulate a load killed after dropping keys: drop them by hand and mark the manifest loading.
    const keys = await rows<{ t: string; n: string; k: string; d: string }>(url,
      `SELECT cl.relname AS t, c.conname AS n, c.contype AS k, pg_get_constraintdef(c.oid) AS d FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid
        WHERE c.contype IN ('p', 'f') AND c.conparentid = 0 AND cl.relnamespace = current_schema()::regnamespace AND NOT cl.relispartition AND cl.relname <> 'scaleproof_dataset_manifest' AND cl.relname <> 'job_queue'`);
    await rows(url, `UPDATE scaleproof_dataset_manifest SET status = 'loading', dropped_primary_keys = $1`, [JSON.stringify(keys.map((k) => ({ table: k.t, name: k.n, kind: k.k, definition: k.d })))]);
    for (const k of keys.filter((x) => x.k === 'f')) await rows(url, `ALTER TABLE ${k.t} DROP CONSTRAINT ${k.n}`);
    for (const k of keys.filter((x) => x.k === 'p')) await rows(url, `ALTER TABLE ${k.t} DROP CONSTRAINT ${k.n}`);
    const lines: string[] = [];
    const again = await seedTiny(url, { variant: 'naive', lines });
    expect(again.skipped).toBe(false);
    expect(lines.join('\n')).toMatch(/did not finish/);
    expect(await schemaShape(url)).toEqual(before);
  });

  it('writes rows that match the layout arithmetic the load scenarios use', async () => {
    const d = await db('school seed layout');
    const url = d.url('naive');
    await seedTiny(url, { variant: 'naive' });
    for (const student of [1, 40, 41, 999, 1000, 1001, 2000]) {
      const k = keysOfStudent(student);
      const [row] = await rows<Record<string, unknown>>(url,
        `SELECT s.school_id::int, s.class_instance_id::int, s.student_code, sc.school_code,
                (SELECT class_instance_id::int FROM tasks WHERE id = $2) AS task_class, (SELECT subject_id::int FROM tasks WHERE id = $2) AS task_subject,
                (SELECT class_instance_id::int FROM tests WHERE id = $3) AS test_class, (SELECT subject_id::int FROM tests WHERE id = $3) AS test_subject,
                (SELECT school_id::int FROM subjects WHERE id = $4) AS subject_school
           FROM student s JOIN schools sc ON sc.id = s.school_id WHERE s.id = $1`,
        [student, k.taskId, k.testId, k.subjectId]);
      expect(row, `student ${student}`).toEqual({
        school_id: k.schoolId, class_instance_id: k.classId, student_code: k.studentCode, school_code: k.schoolCode,
        task_class: classIdOfTask(k.taskId), task_subject: subjectIdOfTask(k.taskId), test_class: k.classId, test_subject: subjectIdOfTest(k.testId),
        subject_school: k.schoolId,
      });
      expect(k.schoolCode).toBe(schoolCode(k.schoolId));
    }
    const term = termRangeMs(new Date(AS_OF).getTime());
    expect(await rows(url, `SELECT min(date)::text AS first, max(date)::text AS last, count(DISTINCT date)::int AS days FROM attendance`))
      .toEqual([{ first: isoDate(term.startMs), last: isoDate(term.endMs), days: TERM_SCHOOL_DAYS }]);
    // Term days are school days; asOf's own day is left for the API's writes.
    expect(await rows(url, `SELECT count(*)::int AS n FROM attendance WHERE extract(isodow FROM date) > 5 OR date >= $1::date`, [AS_OF])).toEqual([{ n: 0 }]);
    // Some tasks are still open at asOf (due after it), none submitted after asOf.
    expect(await rows(url, `SELECT count(*) FILTER (WHERE due_date >= $1::date) > 0 AS open, (SELECT count(*) FROM task_submissions WHERE submitted_at >= $1::timestamptz)::int AS future FROM tasks`, [AS_OF]))
      .toEqual([{ open: true, future: 0 }]);
    // Withdrawn tasks are the layout's (isTaskActive), and no student's scenario task is one of them.
    expect(await rows(url, `SELECT count(*) FILTER (WHERE NOT is_active)::int AS withdrawn, count(*) FILTER (WHERE is_active <> (id % 50 <> 0))::int AS off FROM tasks`))
      .toEqual([{ withdrawn: expect.any(Number), off: 0 }]);
    const picked = Array.from({ length: 2000 }, (_, i) => keysOfStudent(i + 1).taskId);
    expect(await rows(url, `SELECT count(*)::int AS n FROM tasks WHERE id = ANY($1::bigint[]) AND NOT is_active`, [picked])).toEqual([{ n: 0 }]);
    expect((await rows<{ n: number }>(url, `SELECT count(*)::int AS n FROM tasks WHERE NOT is_active`))[0]!.n).toBeGreaterThan(0);
  });
});
