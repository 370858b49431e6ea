/*
 * The two variants are two implementations of one API: on the same seeded district (two schemas, one seed),
 * every read answers the same status and the same bytes, whether the optimized variant read it from its RPCs
 * (a cache miss) or from Redis (a hit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classIdsOfSchool, isoDate, schoolDayMs, subjectId, TERM_SCHOOL_DAYS } from '../../scenarios/school/layout.ts';
import { seededSchoolDatabase, startSchoolApi, TEST_STUDENTS, type SchoolDatabase, type SchoolTestApi } from './helpers/schoolTestApi.ts';

const NAME = 'school api same json';
const now = Date.now();
const day = (i: number) => isoDate(schoolDayMs(now, i));
const TERM = `from=${day(0)}&to=${day(TERM_SCHOOL_DAYS - 1)}`;
// Tasks run one school week past the term, so the widest range has overdue, completed and pending ones.
const TASKS = `from=${day(0)}&to=${day(TERM_SCHOOL_DAYS + 5)}`;
const WEEK = `from=${day(TERM_SCHOOL_DAYS - 5)}&to=${day(TERM_SCHOOL_DAYS - 1)}`;
const class2 = classIdsOfSchool(2, TEST_STUDENTS).first + 3;

const READS: string[] = [
  '/schools/SCH00001/dashboard',
  '/schools/SCH00002/dashboard',
  `/schools/SCH00001/analytics/tasks?${TASKS}`,
  `/schools/SCH00002/analytics/tasks?${TASKS}&class=${class2}`,
  `/schools/SCH00001/analytics/tasks?${TERM}&limit=3`,
  '/schools/SCH00001/analytics/tasks?from=2001-01-01&to=2001-01-31',
  `/schools/SCH00001/analytics/academics?${TERM}`,
  `/schools/SCH00002/analytics/academics?${TERM}&class=${class2}`,
  `/schools/SCH00001/analytics/academics?${TERM}&subject=${subjectId(1, 2)}&limit=4`,
  `/schools/SCH00001/analytics/attendance?${TERM}`,
  `/schools/SCH00002/analytics/attendance?${WEEK}&class=${class2}`,
  '/schools/SCH00001/students',
  '/schools/SCH00001/students?page=3&pageSize=7',
  '/schools/SCH00002/students?pageSize=100&page=10',
  '/schools/SCH00002/students?q=STU000150',
  '/schools/SCH00001/students?q=an&pageSize=20&page=2',
  '/schools/SCH00001/students?q=no-such-student',
];

describe(NAME, () => {
  let db: SchoolDatabase;
  let naive: SchoolTestApi;
  let optimized: SchoolTestApi;

  beforeAll(async () => {
    db = await seededSchoolDatabase(NAME);
    // The limiter is not under test here.
    const settings = { analyticsRateLimit: 0 };
    naive = await startSchoolApi(NAME, 'naive', db.urls.naive, { settings });
    optimized = await startSchoolApi(NAME, 'optimized', db.urls.optimized, { settings });
  });
  afterAll(async () => {
    await naive?.close();
    await optimized?.close();
    await db?.drop();
  });

  const get = (api: SchoolTestApi, url: string) => api.app.inject({ method: 'GET', url, headers: { 'x-user-id': '7' } });

  it.each(READS)('GET %s answers the same JSON from both variants, from the RPC and from the cache', async (url) => {
    const a = await get(naive, url);
    const b = await get(optimized, url);
    const c = await get(optimized, url);
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    expect(b.body).toBe(a.body);
    expect(c.body).toBe(a.body);
    if (!url.includes('/students')) expect([b.headers['x-cache'], c.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    expect(a.headers['x-cache']).toBeUndefined();
    expect(a.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('the documents hold the seeded district, not empty shells', async () => {
    const dash = (await get(naive, '/schools/SCH00001/dashboard')).json();
    expect(dash.counts).toEqual({ students: 1000, classes: 25, subjects: 6 });
    expect(dash.tasks.total).toBeGreaterThan(0);
    expect(dash.tasks.completed + dash.tasks.pending + dash.tasks.overdue).toBe(dash.tasks.total);
    expect(dash.recentTests).toHaveLength(5);
    const tasks = (await get(naive, `/schools/SCH00001/analytics/tasks?${TASKS}`)).json();
    expect(tasks.aggregation.completedTasks).toBeGreaterThan(0);
    expect(tasks.aggregation.overdueTasks).toBeGreaterThan(0);
    expect(tasks.aggregation.pendingTasks).toBeGreaterThan(0);
    expect(tasks.rankedRows).toHaveLength(50);
    const attendance = (await get(naive, `/schools/SCH00001/analytics/attendance?${TERM}`)).json();
    expect(attendance.aggregation.totalRecords).toBe(1000 * TERM_SCHOOL_DAYS);
    expect(attendance.dailyBreakdown).toHaveLength(TERM_SCHOOL_DAYS);
    const students = (await get(naive, '/schools/SCH00002/students?q=STU000150')).json();
    expect(students.students.map((s: { studentCode: string }) => s.studentCode).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `STU000150${i}`));
  });

  it.each(['naive', 'optimized'] as const)('%s answers 404 JSON for an unknown school on every read', async (variant) => {
    const api = variant === 'naive' ? naive : optimized;
    for (const url of ['/schools/SCH99999/dashboard', `/schools/SCH99999/analytics/tasks?${TERM}`, `/schools/NOPE/analytics/academics?${TERM}`,
      `/schools/SCH99999/analytics/attendance?${TERM}`, '/schools/SCH99999/students']) {
      const res = await get(api, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('SCHOOL_NOT_FOUND');
    }
  });
});
