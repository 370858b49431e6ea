/*
 * The optimized variant's analytics (plan 1.1, 1.4) on a seeded district of 2,000 students: each materialized
 * view refreshes CONCURRENTLY and holds rows, and each RPC's numbers equal aggregates computed here, in
 * TypeScript, from the base tables' rows of one school and date range.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchoolDb, rows, seedTiny, type SchoolDb } from './seedHelpers.ts';

const SCHOOL = 'SCH00002';
const FROM = '2026-09-21';
const TO = '2026-10-09';
let s: SchoolDb;
let url: string;
let schoolId: number;
let today: string;

beforeAll(async () => {
  s = await createSchoolDb('school analytics rpc');
  url = s.url('optimized');
  await seedTiny(url);
  schoolId = Number((await rows<{ id: string }>(url, `SELECT id FROM schools WHERE school_code = $1`, [SCHOOL]))[0]!.id);
  today = (await rows<{ d: string }>(url, `SELECT CURRENT_DATE::text AS d`))[0]!.d;
});
afterAll(async () => {
  await s?.db.drop();
});

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const round2 = (x: number) => Math.round(x * 100) / 100;

async function rpc<T>(sql: string, values: unknown[]): Promise<T> {
  return (await rows<{ r: T }>(url, sql, values))[0]!.r;
}

describe('school analytics views and RPCs', () => {
  it('refreshes each materialized view CONCURRENTLY, and they hold rows', async () => {
    for (const fn of ['refresh_tasks_analytics', 'refresh_academics_analytics', 'refresh_attendance_analytics', 'refresh_school_analytics_views']) {
      await rows(url, `SELECT ${fn}()`);
    }
    const counts = await rows<Record<string, number>>(url,
      `SELECT (SELECT count(*)::int FROM mv_tasks_analytics) AS tasks, (SELECT count(*)::int FROM mv_academics_analytics) AS academics,
              (SELECT count(*)::int FROM mv_attendance_analytics) AS attendance`);
    expect(counts[0]!.tasks).toBeGreaterThan(0);
    expect(counts[0]!.academics).toBe(300); // every test has marks
    expect(counts[0]!.attendance).toBe(50 * 20); // classes x term days
  });

  it('sees a new submission after a concurrent refresh', async () => {
    const [t] = await rows<{ id: string; submitted_count: string }>(url,
      `SELECT task_id AS id, submitted_count FROM mv_tasks_analytics WHERE submitted_count < total_students ORDER BY task_id LIMIT 1`);
    const [missing] = await rows<{ id: string }>(url,
      `SELECT st.id FROM student st JOIN tasks tk ON tk.class_instance_id = st.class_instance_id
        WHERE tk.id = $1 AND NOT EXISTS (SELECT 1 FROM task_submissions x WHERE x.task_id = tk.id AND x.student_id = st.id) LIMIT 1`, [t!.id]);
    await rows(url, `INSERT INTO task_submissions (task_id, student_id, submitted_at) VALUES ($1, $2, '2026-10-14T10:00:00Z')`, [t!.id, missing!.id]);
    await rows(url, `SELECT refresh_tasks_analytics()`);
    const [after] = await rows<{ n: string }>(url, `SELECT submitted_count AS n FROM mv_tasks_analytics WHERE task_id = $1`, [t!.id]);
    expect(Number(after!.n)).toBe(Number(t!.submitted_count) + 1);
    await rows(url, `DELETE FROM task_submissions WHERE task_id = $1 AND student_id = $2`, [t!.id, missing!.id]);
    await rows(url, `SELECT refresh_tasks_analytics()`);
  });

  it('get_tasks_analytics equals the aggregate of tasks, submissions and class sizes', async () => {
    const tasks = await rows<{ id: string; class_instance_id: string; subject_id: string; due: string; submitted: number; on_time: number; students: number }>(url,
      `SELECT t.id, t.class_instance_id, t.subject_id, t.due_date::text AS due,
              (SELECT count(*)::int FROM task_submissions x WHERE x.task_id = t.id) AS submitted,
              (SELECT count(*)::int FROM task_submissions x WHERE x.task_id = t.id AND x.submitted_at < (t.due_date + 1)::timestamp AT TIME ZONE 'UTC') AS on_time,
              (SELECT count(*)::int FROM student st WHERE st.class_instance_id = t.class_instance_id) AS students
         FROM tasks t WHERE t.school_id = $1 AND t.is_active AND t.due_date BETWEEN $2 AND $3`, [schoolId, FROM, TO]);
    expect(tasks.length).toBeGreaterThan(50);
    const status = (t: (typeof tasks)[number]) => (t.submitted >= t.students ? 'completed' : today > t.due ? 'overdue' : 'pending');
    const rate = (t: (typeof tasks)[number]) => (t.submitted > 0 ? (t.on_time / t.submitted) * 100 : 0);
    const r = await rpc<{ aggregation: Record<string, number>; rankedRows: Array<{ rank: number; data: { taskId: number; onTimeRate: number; status: string } }> }>(
      `SELECT get_tasks_analytics($1, $2, $3, NULL, NULL, 10) AS r`, [SCHOOL, FROM, TO]);
    expect(r.aggregation).toEqual({
      totalTasks: tasks.length,
      completedTasks: tasks.filter((t) => status(t) === 'completed').length,
      pendingTasks: tasks.filter((t) => status(t) === 'pending').length,
      overdueTasks: tasks.filter((t) => status(t) === 'overdue').length,
      avgOnTimeRate: round2(mean(tasks.map(rate))),
      totalSubmissions: sum(tasks.map((t) => t.submitted)),
    });
    const best = [...tasks].sort((a, b) => rate(b) - rate(a) || Number(a.id) - Number(b.id)).slice(0, 10);
    expect(r.rankedRows.map((x) => [x.rank, x.data.taskId, x.data.onTimeRate, x.data.status])).toEqual(best.map((t, i) => [i + 1, Number(t.id), round2(rate(t)), status(t)]));

    // One class and one subject narrow it to the same rows as filtering here.
    const one = tasks[0]!;
    const narrowed = await rpc<{ aggregation: { totalTasks: number } }>(`SELECT get_tasks_analytics($1, $2, $3, $4, $5) AS r`, [SCHOOL, FROM, TO, one.class_instance_id, one.subject_id]);
    expect(narrowed.aggregation.totalTasks).toBe(tasks.filter((t) => t.class_instance_id === one.class_instance_id && t.subject_id === one.subject_id).length);
  });

  it('get_academics_analytics equals the aggregate of tests, marks and class sizes', async () => {
    const tests = await rows<{ id: string; class_instance_id: string; subject_id: string; avg: number; sat: number; size: number }>(url,
      `SELECT t.id, t.class_instance_id, t.subject_id,
              (SELECT avg(m.marks_obtained::float8 / m.max_marks * 100) FROM test_marks m WHERE m.test_id = t.id) AS avg,
              (SELECT count(*)::int FROM test_marks m WHERE m.test_id = t.id) AS sat,
              (SELECT count(*)::int FROM student st WHERE st.class_instance_id = t.class_instance_id) AS size
         FROM tests t WHERE t.school_id = $1 AND t.test_date BETWEEN $2 AND $3`, [schoolId, FROM, TO]);
    expect(tests.length).toBeGreaterThan(25);
    const r = await rpc<{ aggregation: Record<string, number>; rankedRows: Array<{ rank: number; data: { testId: number; avgScore: number; participationCount: number } }> }>(
      `SELECT get_academics_analytics($1, $2, $3) AS r`, [SCHOOL, FROM, TO]);
    const classes = new Map(tests.map((t) => [t.class_instance_id, t.size]));
    expect(r.aggregation.totalTests).toBe(tests.length);
    expect(r.aggregation.totalStudents).toBe(sum([...classes.values()]));
    expect(r.aggregation.avgScore).toBeCloseTo(round2(mean(tests.map((t) => t.avg))), 2);
    expect(r.aggregation.participationRate).toBeCloseTo(round2((sum(tests.map((t) => t.sat)) / sum(tests.map((t) => t.size))) * 100), 2);
    const best = [...tests].sort((a, b) => b.avg - a.avg || Number(a.id) - Number(b.id)).slice(0, 50); // p_limit's default
    expect(r.rankedRows.map((x) => x.data.testId)).toEqual(best.map((t) => Number(t.id)));
    expect(r.rankedRows.map((x) => x.data.participationCount)).toEqual(best.map((t) => t.sat));
    const subject = tests[0]!.subject_id;
    const bySubject = await rpc<{ aggregation: { totalTests: number } }>(`SELECT get_academics_analytics($1, $2, $3, NULL, $4) AS r`, [SCHOOL, FROM, TO, subject]);
    expect(bySubject.aggregation.totalTests).toBe(tests.filter((t) => t.subject_id === subject).length);
  });

  it('get_attendance_analytics equals the aggregate of attendance rows per class and day', async () => {
    const perClassDay = await rows<{ class_instance_id: string; date: string; present: number; absent: number; late: number; total: number }>(url,
      `SELECT a.class_instance_id, a.date::text AS date, count(*) FILTER (WHERE status = 'present')::int AS present, count(*) FILTER (WHERE status = 'absent')::int AS absent,
              count(*) FILTER (WHERE status = 'late')::int AS late, count(*)::int AS total
         FROM attendance a JOIN class_instances ci ON ci.id = a.class_instance_id
        WHERE ci.school_id = $1 AND a.date BETWEEN $2 AND $3 GROUP BY 1, 2`, [schoolId, FROM, TO]);
    const days = [...new Set(perClassDay.map((x) => x.date))].sort().reverse();
    expect(days.length).toBe(15); // three school weeks
    const r = await rpc<{ aggregation: Record<string, number>; dailyBreakdown: Array<Record<string, number | string>> }>(`SELECT get_attendance_analytics($1, $2, $3, NULL, 10) AS r`, [SCHOOL, FROM, TO]);
    expect(r.aggregation).toEqual({
      totalDays: days.length,
      avgAttendanceRate: round2(mean(perClassDay.map((x) => (x.present / x.total) * 100))),
      totalPresent: sum(perClassDay.map((x) => x.present)),
      totalAbsent: sum(perClassDay.map((x) => x.absent)),
      totalLate: sum(perClassDay.map((x) => x.late)),
      totalRecords: sum(perClassDay.map((x) => x.total)),
    });
    expect(r.dailyBreakdown).toEqual(days.slice(0, 10).map((date) => {
      const of = perClassDay.filter((x) => x.date === date);
      const [present, absent, late, total] = [sum(of.map((x) => x.present)), sum(of.map((x) => x.absent)), sum(of.map((x) => x.late)), sum(of.map((x) => x.total))];
      return { date, attendanceRate: round2((present / total) * 100), presentCount: present, absentCount: absent, lateCount: late, totalCount: total };
    }));
  });

  it('get_school_dashboard returns the consolidated dashboard in one query, equal to its parts', async () => {
    const asOf = '2026-10-14'; // the term's last day, a Wednesday
    const d = await rpc<{
      school: { id: number; code: string }; counts: Record<string, number>; tasks: Record<string, number>;
      attendance: { today: Record<string, number | string>; thisWeek: Record<string, number | string> };
      recentTests: Array<{ testId: number; testDate: string }>; upcomingTasks: Array<{ taskId: number; dueDate: string }>;
    }>(`SELECT get_school_dashboard($1, $2) AS r`, [SCHOOL, asOf]);
    expect(d.school).toMatchObject({ id: schoolId, code: SCHOOL });
    expect(d.counts).toEqual({ students: 1000, classes: 25, subjects: 6 });
    const att = async (from: string) => (await rows<Record<string, number>>(url,
      `SELECT count(*) FILTER (WHERE status = 'present')::int AS present, count(*) FILTER (WHERE status = 'absent')::int AS absent,
              count(*) FILTER (WHERE status = 'late')::int AS late, count(*)::int AS total
         FROM attendance a JOIN class_instances ci ON ci.id = a.class_instance_id WHERE ci.school_id = $1 AND a.date BETWEEN $2 AND $3`, [schoolId, from, asOf]))[0]!;
    const today = await att(asOf);
    expect(today.total).toBe(1000);
    expect(d.attendance.today).toEqual({ date: asOf, ...today, rate: round2((today.present! / today.total!) * 100) });
    const week = await att('2026-10-12');
    expect(week.total).toBe(3000);
    expect(d.attendance.thisWeek).toEqual({ from: '2026-10-12', to: asOf, ...week, rate: round2((week.present! / week.total!) * 100) });
    const [tasks] = await rows<Record<string, number>>(url,
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE due_date >= $2 AND due_date < $2::date + 7)::int AS due FROM tasks WHERE school_id = $1 AND is_active`, [schoolId, asOf]);
    expect(d.tasks.total).toBe(tasks!.total);
    expect(d.tasks.completed! + d.tasks.pending! + d.tasks.overdue!).toBe(tasks!.total);
    expect(d.tasks.dueNext7Days).toBe(tasks!.due);
    const recent = await rows<{ id: string; test_date: string }>(url,
      `SELECT id, test_date::text FROM tests WHERE school_id = $1 AND test_date <= $2 ORDER BY test_date DESC, id DESC LIMIT 5`, [schoolId, asOf]);
    expect(d.recentTests.map((t) => [t.testId, t.testDate])).toEqual(recent.map((t) => [Number(t.id), t.test_date]));
    const upcoming = await rows<{ id: string; due_date: string }>(url,
      `SELECT id, due_date::text FROM tasks WHERE school_id = $1 AND due_date >= $2 AND is_active ORDER BY due_date, id LIMIT 5`, [schoolId, asOf]);
    expect(d.upcomingTasks.map((t) => [t.taskId, t.dueDate])).toEqual(upcoming.map((t) => [Number(t.id), t.due_date]));
  });

  it('returns NULL for an unknown school code from every RPC', async () => {
    const [r] = await rows<Record<string, unknown>>(url,
      `SELECT get_tasks_analytics('NOPE', $1, $2) AS t, get_academics_analytics('NOPE', $1, $2) AS a, get_attendance_analytics('NOPE', $1, $2) AS at, get_school_dashboard('NOPE') AS d`, [FROM, TO]);
    expect(r).toEqual({ t: null, a: null, at: null, d: null });
  });
});
