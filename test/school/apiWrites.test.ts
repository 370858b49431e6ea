/*
 * The write routes, the same in both variants: attendance marks (201 new, 200 replaced), task submissions
 * (201 new, 200 for a repeat: idempotent), both safe under concurrent duplicates; and the optimized variant's
 * cache policy for what they change: TTL, no invalidation.
 */
import { describe, expect, it } from 'vitest';
import { classIdOfStudent, isoDate, startOfUtcDayMs } from '../../scenarios/school/layout.ts';
import { waitFor } from '../reference-impl/helpers/waitFor.ts';
import { bothSchoolApis, type SchoolTestApi } from './helpers/schoolTestApi.ts';

const NAME = 'school api writes';
const TODAY = isoDate(startOfUtcDayMs(Date.now()));

describe(NAME, () => {
  const school = bothSchoolApis(NAME, { settings: { dashboardTtlS: 2 } });

  const post = (api: SchoolTestApi, url: string, body: unknown) => api.app.inject({ method: 'POST', url, payload: body as Record<string, unknown> });

  for (const variant of ['naive', 'optimized'] as const) {
    it(`${variant}: an attendance mark answers 201 when new and 200 when it replaces the day's mark`, async () => {
      const api = school.apis[variant];
      const student = 123;
      const mark = { student_id: student, class_instance_id: classIdOfStudent(student), date: TODAY, status: 'late' };
      const first = await post(api, '/attendance', mark);
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toEqual({ studentId: student, classInstanceId: classIdOfStudent(student), date: TODAY, status: 'late', created: true });
      const second = await post(api, '/attendance', { ...mark, status: 'present' });
      expect(second.statusCode).toBe(200);
      expect(second.json().created).toBe(false);
      const c = await school.db.client(variant);
      const rows = (await c.query('SELECT status FROM attendance WHERE student_id = $1 AND date = $2', [student, TODAY])).rows;
      expect(rows).toEqual([{ status: 'present' }]);
    });

    it(`${variant}: simultaneous first marks of one student and day all succeed and leave one row`, async () => {
      const api = school.apis[variant];
      const student = 456;
      const results = await Promise.all(['present', 'absent', 'late', 'present', 'absent', 'late', 'present', 'late'].map((status) =>
        post(api, '/attendance', { student_id: student, class_instance_id: classIdOfStudent(student), date: TODAY, status })));
      for (const r of results) expect([200, 201]).toContain(r.statusCode);
      expect(results.some((r) => r.statusCode === 201)).toBe(true);
      const c = await school.db.client(variant);
      expect((await c.query('SELECT count(*)::int AS n FROM attendance WHERE student_id = $1 AND date = $2', [student, TODAY])).rows[0].n).toBe(1);
    });

    it(`${variant}: a task submission answers 201, a repeat 200 with the first submission, concurrent repeats make one row`, async () => {
      const api = school.apis[variant];
      const c = await school.db.client(variant);
      const open = (await c.query<{ task: string; student: string }>(`
        SELECT t.id AS task, s.id AS student FROM tasks t JOIN student s ON s.class_instance_id = t.class_instance_id
        WHERE t.is_active AND NOT EXISTS (SELECT 1 FROM task_submissions ts WHERE ts.task_id = t.id AND ts.student_id = s.id)
        ORDER BY t.id, s.id LIMIT 2`)).rows;
      const [a, b] = open as [{ task: string; student: string }, { task: string; student: string }];
      const first = await post(api, `/tasks/${a.task}/submissions`, { student_id: Number(a.student) });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ taskId: Number(a.task), studentId: Number(a.student), created: true });
      const again = await post(api, `/tasks/${a.task}/submissions`, { student_id: Number(a.student) });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ ...first.json(), created: false });

      const burst = await Promise.all(Array.from({ length: 8 }, () => post(api, `/tasks/${b.task}/submissions`, { student_id: Number(b.student) })));
      expect(burst.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      const times = new Set(burst.map((r) => r.json().submittedAt));
      expect(times.size).toBe(1);
      expect((await c.query('SELECT count(*)::int AS n FROM task_submissions WHERE task_id = $1 AND student_id = $2', [b.task, b.student])).rows[0].n).toBe(1);
    });
  }

  it('optimized: writes do not invalidate the cached dashboard; the new mark shows once the TTL has passed', async () => {
    const api = school.apis.optimized;
    const dashboard = () => api.app.inject({ method: 'GET', url: '/schools/SCH00001/dashboard' });
    const before = await dashboard();
    const presentBefore = before.json().attendance.today.present as number;
    const student = 777;
    expect((await post(api, '/attendance', { student_id: student, class_instance_id: classIdOfStudent(student), date: TODAY, status: 'present' })).statusCode).toBe(201);
    const cached = await dashboard();
    expect(cached.headers['x-cache']).toBe('HIT');
    expect(cached.json().attendance.today.present).toBe(presentBefore);
    await waitFor('the 2 s dashboard TTL to pass', async () => (await dashboard()).json().attendance.today.present === presentBefore + 1, 5000);
  });
});
