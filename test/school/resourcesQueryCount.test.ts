/*
 * Seed 001 1.3, "Fix N+1 Patterns": GET /schools/:code/resources lists a school's learning resources in ONE
 * statement (optimized) where the "before" made one per class ("11 queries -> 1 query (for 10 classes)"; the
 * test district's schools have 25 classes, so 26 -> 1). Statements are counted by the API's own per-route
 * counter (scaleproof_route_db_statements_total, every statement issued through the platform's Database while
 * serving the route): the test Postgres does not preload pg_stat_statements, so it cannot count them.
 * Both variants answer the same bytes; bad input is 4xx.
 */
import { describe, expect, it } from 'vitest';
import { CLASSES_PER_SCHOOL, RESOURCES_PER_CLASS, classIdsOfSchool } from '../../scenarios/school/layout.ts';
import { routeStatements } from '../helpers/routeStatements.ts';
import { bothSchoolApis, TEST_STUDENTS } from './helpers/schoolTestApi.ts';

const NAME = 'school resources query count';
const ROUTE = '/schools/:code/resources';
const school2Class = classIdsOfSchool(2, TEST_STUDENTS).first + 4;

interface ResourcesDoc {
  schoolCode: string;
  classId: number | null;
  resources: Array<{ id: number; classInstanceId: number; createdAt: string; title: string; subjectName: string | null }>;
}

describe(NAME, () => {
  const school = bothSchoolApis(NAME);

  async function statementsFor(variant: 'naive' | 'optimized', url: string): Promise<{ statements: number; body: string }> {
    const api = school.apis[variant];
    const before = await routeStatements(api.app, `GET ${ROUTE}`);
    const res = await api.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return { statements: (await routeStatements(api.app, `GET ${ROUTE}`)) - before, body: res.body };
  }

  it('a school\'s resources cost one statement in the optimized variant and one per class plus one in the naive (counted by the API\'s per-route counter, pg_stat_statements is not preloaded here)', async () => {
    const naive = await statementsFor('naive', '/schools/SCH00001/resources');
    const optimized = await statementsFor('optimized', '/schools/SCH00001/resources');
    expect(optimized.statements).toBe(1);
    expect(naive.statements).toBe(CLASSES_PER_SCHOOL + 1);
    expect(optimized.body).toBe(naive.body);
  });

  it('one class\'s resources cost one statement optimized and two naive (its classes, then that class)', async () => {
    const url = `/schools/SCH00002/resources?class=${school2Class}`;
    const naive = await statementsFor('naive', url);
    const optimized = await statementsFor('optimized', url);
    expect(optimized.statements).toBe(1);
    expect(naive.statements).toBe(2);
    expect(optimized.body).toBe(naive.body);
    const doc = JSON.parse(optimized.body) as ResourcesDoc;
    expect(doc.resources).toHaveLength(RESOURCES_PER_CLASS);
    expect(new Set(doc.resources.map((r) => r.classInstanceId))).toEqual(new Set([school2Class]));
  });

  it('lists every resource of the school\'s classes, newest first, up to the limit, the same bytes from both variants', async () => {
    const client = await school.db.client('optimized');
    const stored = await client.query<{ id: string }>(
      `SELECT lr.id::text FROM learning_resources lr JOIN schools s ON s.id = lr.school_id
        WHERE s.school_code = 'SCH00001' AND lr.class_instance_id IS NOT NULL ORDER BY lr.created_at DESC, lr.id DESC`,
    );
    expect(stored.rows.length).toBe(CLASSES_PER_SCHOOL * RESOURCES_PER_CLASS);
    const all = JSON.parse((await statementsFor('optimized', '/schools/SCH00001/resources')).body) as ResourcesDoc;
    expect(all.resources.map((r) => String(r.id))).toEqual(stored.rows.map((r) => r.id));
    for (const r of all.resources) expect(r.title.startsWith(`${r.subjectName}: `)).toBe(true);
    const naive7 = await statementsFor('naive', '/schools/SCH00001/resources?limit=7');
    const optimized7 = await statementsFor('optimized', '/schools/SCH00001/resources?limit=7');
    expect(optimized7.body).toBe(naive7.body);
    expect((JSON.parse(optimized7.body) as ResourcesDoc).resources.map((r) => String(r.id))).toEqual(stored.rows.slice(0, 7).map((r) => r.id));
  });

  it('the one query reads a school\'s resources through the school index and a class\'s through the class index', async () => {
    const client = await school.db.client('optimized');
    const explain = async (where: string) => (await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM learning_resources WHERE ${where} AND class_instance_id IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 100`,
    )).rows.map((r) => r['QUERY PLAN']).join('\n');
    await client.query('SET enable_seqscan = off'); // the test district is tiny: ask which index serves the filter
    const wholeSchool = await explain('school_id = 1');
    const oneClass = await explain(`school_id = 2 AND class_instance_id = ${school2Class}`);
    await client.query('RESET enable_seqscan');
    expect(wholeSchool).toContain('learning_resources_school_id_idx');
    expect(oneClass).toContain('learning_resources_class_instance_id_idx');
  });

  for (const variant of ['naive', 'optimized'] as const) {
    it(`${variant}: an unknown school or a class of another school is 404, a malformed class or limit 400`, async () => {
      const api = school.apis[variant];
      const cases: Array<[string, number, string]> = [
        ['/schools/SCH99999/resources', 404, 'SCHOOL_NOT_FOUND'],
        [`/schools/SCH00001/resources?class=${school2Class}`, 404, 'CLASS_NOT_FOUND'],
        ['/schools/SCH00001/resources?class=999999', 404, 'CLASS_NOT_FOUND'],
        ['/schools/SCH00001/resources?class=abc', 400, 'INVALID_QUERYSTRING'],
        ['/schools/SCH00001/resources?class=0', 400, 'INVALID_QUERYSTRING'],
        ['/schools/SCH00001/resources?limit=0', 400, 'INVALID_QUERYSTRING'],
        ['/schools/SCH00001/resources?limit=101', 400, 'INVALID_QUERYSTRING'],
        ['/schools/SCH00001/resources?limit=-1', 400, 'INVALID_QUERYSTRING'],
        ['/schools/bad%20code/resources', 400, 'INVALID_PARAMS'],
      ];
      for (const [url, status, code] of cases) {
        const res = await api.app.inject({ method: 'GET', url });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
        expect((res.json() as { error: { code: string } }).error.code, url).toBe(code);
      }
    });
  }
});
