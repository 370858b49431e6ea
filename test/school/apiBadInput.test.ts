/*
 * Bad input is always a 4xx with the {"error":{"code","message"}} body, never a 5xx, in both variants: malformed
 * paths, query strings, headers and bodies of every school route.
 */
import { describe, expect, it } from 'vitest';
import { bothSchoolApis } from './helpers/schoolTestApi.ts';

const NAME = 'school api bad input';
const U = { 'x-user-id': '42' };
const JSON_CT = { 'content-type': 'application/json' };
const OK_RANGE = 'from=2025-09-01&to=2025-09-30';

interface BadRequest {
  why: string;
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  payload?: string;
  status: number;
  code?: string;
}

const BAD: BadRequest[] = [
  { why: 'school code with a quote', method: 'GET', url: "/schools/SCH'1/dashboard", status: 400, code: 'INVALID_PARAMS' },
  { why: 'school code too long', method: 'GET', url: `/schools/${'A'.repeat(33)}/dashboard`, status: 400, code: 'INVALID_PARAMS' },
  { why: 'school code with unicode', method: 'GET', url: '/schools/%C3%A9cole/dashboard', status: 400, code: 'INVALID_PARAMS' },
  { why: 'bad percent-encoding', method: 'GET', url: '/schools/%E0%A4%A/dashboard', status: 400 },
  { why: 'unknown route under a school', method: 'GET', url: '/schools/SCH00001/nothing', status: 404, code: 'NOT_FOUND' },
  { why: 'analytics without from/to', method: 'GET', url: '/schools/SCH00001/analytics/tasks', headers: U, status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'analytics without to', method: 'GET', url: '/schools/SCH00001/analytics/academics?from=2025-09-01', headers: U, status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'date in the wrong format', method: 'GET', url: '/schools/SCH00001/analytics/tasks?from=01/09/2025&to=2025-09-30', headers: U, status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'date that does not exist', method: 'GET', url: '/schools/SCH00001/analytics/attendance?from=2025-02-30&to=2025-03-10', headers: U, status: 400, code: 'INVALID_DATE' },
  { why: 'month 13', method: 'GET', url: '/schools/SCH00001/analytics/tasks?from=2025-13-01&to=2025-13-02', headers: U, status: 400, code: 'INVALID_DATE' },
  { why: 'from after to', method: 'GET', url: '/schools/SCH00001/analytics/tasks?from=2025-10-01&to=2025-09-01', headers: U, status: 400, code: 'INVALID_RANGE' },
  { why: 'range over 400 days', method: 'GET', url: '/schools/SCH00001/analytics/tasks?from=2020-01-01&to=2025-01-01', headers: U, status: 400, code: 'INVALID_RANGE' },
  { why: 'year outside 2000-2099', method: 'GET', url: '/schools/SCH00001/analytics/tasks?from=1999-12-31&to=2000-01-02', headers: U, status: 400, code: 'INVALID_DATE' },
  { why: 'from given twice', method: 'GET', url: `/schools/SCH00001/analytics/tasks?${OK_RANGE}&from=2025-09-02`, headers: U, status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'class not a number', method: 'GET', url: `/schools/SCH00001/analytics/tasks?${OK_RANGE}&class=abc`, headers: U, status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'class zero', method: 'GET', url: `/schools/SCH00001/analytics/academics?${OK_RANGE}&class=0`, headers: U, status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'class beyond bigint', method: 'GET', url: `/schools/SCH00001/analytics/attendance?${OK_RANGE}&class=99999999999999999999`, headers: U, status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'subject negative', method: 'GET', url: `/schools/SCH00001/analytics/academics?${OK_RANGE}&subject=-3`, headers: U, status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'limit 0', method: 'GET', url: `/schools/SCH00001/analytics/tasks?${OK_RANGE}&limit=0`, headers: U, status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'limit 101', method: 'GET', url: `/schools/SCH00001/analytics/tasks?${OK_RANGE}&limit=101`, headers: U, status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'analytics without x-user-id', method: 'GET', url: `/schools/SCH00001/analytics/tasks?${OK_RANGE}`, status: 401, code: 'UNAUTHENTICATED' },
  { why: 'x-user-id not a number', method: 'GET', url: `/schools/SCH00001/analytics/tasks?${OK_RANGE}`, headers: { 'x-user-id': 'admin' }, status: 400, code: 'INVALID_USER_ID' },
  { why: 'students pageSize 101', method: 'GET', url: '/schools/SCH00001/students?pageSize=101', status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'students page 0', method: 'GET', url: '/schools/SCH00001/students?page=0', status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'students search with SQL wildcards and quotes', method: 'GET', url: "/schools/SCH00001/students?q=%25'%3B--", status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'students search too long', method: 'GET', url: `/schools/SCH00001/students?q=${'a'.repeat(51)}`, status: 400, code: 'INVALID_QUERYSTRING' },
  { why: 'attendance: not JSON', method: 'POST', url: '/attendance', headers: JSON_CT, payload: '{"student_id":', status: 400, code: 'INVALID_JSON' },
  { why: 'attendance: text/plain', method: 'POST', url: '/attendance', headers: { 'content-type': 'text/plain' }, payload: 'hello', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { why: 'attendance: empty body', method: 'POST', url: '/attendance', headers: JSON_CT, payload: '', status: 400 },
  { why: 'attendance: missing status', method: 'POST', url: '/attendance', headers: JSON_CT, payload: '{"student_id":1,"class_instance_id":1,"date":"2025-09-01"}', status: 400, code: 'INVALID_BODY' },
  { why: 'attendance: unknown status', method: 'POST', url: '/attendance', headers: JSON_CT, payload: '{"student_id":1,"class_instance_id":1,"date":"2025-09-01","status":"sick"}', status: 400, code: 'INVALID_BODY' },
  { why: 'attendance: id as a string', method: 'POST', url: '/attendance', headers: JSON_CT, payload: '{"student_id":"1","class_instance_id":1,"date":"2025-09-01","status":"present"}', status: 400, code: 'INVALID_BODY' },
  { why: 'attendance: fractional id', method: 'POST', url: '/attendance', headers: JSON_CT, payload: '{"student_id":1.5,"class_instance_id":1,"date":"2025-09-01","status":"present"}', status: 400, code: 'INVALID_BODY' },
  { why: 'attendance: id beyond 2^53', method: 'POST', url: '/attendance', headers: JSON_CT, payload: '{"student_id":9007199254740993,"class_instance_id":1,"date":"2025-09-01","status":"present"}', status: 400, code: 'INVALID_BODY' },
  { why: 'attendance: impossible date', method: 'POST', url: '/attendance', headers: JSON_CT, payload: '{"student_id":1,"class_instance_id":1,"date":"2025-02-29","status":"present"}', status: 400, code: 'INVALID_DATE' },
  { why: 'attendance: body is an array', method: 'POST', url: '/attendance', headers: JSON_CT, payload: '[1,2]', status: 400, code: 'INVALID_BODY' },
  { why: 'attendance: student not in that class', method: 'POST', url: '/attendance', headers: JSON_CT, payload: '{"student_id":1,"class_instance_id":2,"date":"2025-09-01","status":"present"}', status: 404, code: 'STUDENT_NOT_IN_CLASS' },
  { why: 'attendance: body over the size limit', method: 'POST', url: '/attendance', headers: JSON_CT, payload: JSON.stringify({ student_id: 1, class_instance_id: 1, date: '2025-09-01', status: 'present', pad: 'x'.repeat(5000) }), status: 413, code: 'BODY_TOO_LARGE' },
  { why: 'submission: task id not a number', method: 'POST', url: '/tasks/abc/submissions', headers: JSON_CT, payload: '{"student_id":1}', status: 400, code: 'INVALID_PARAMS' },
  { why: 'submission: no student', method: 'POST', url: '/tasks/1/submissions', headers: JSON_CT, payload: '{}', status: 400, code: 'INVALID_BODY' },
  { why: 'submission: null student', method: 'POST', url: '/tasks/1/submissions', headers: JSON_CT, payload: '{"student_id":null}', status: 400, code: 'INVALID_BODY' },
  { why: 'submission: unknown task', method: 'POST', url: '/tasks/999999999/submissions', headers: JSON_CT, payload: '{"student_id":1}', status: 404, code: 'TASK_NOT_FOUND' },
  { why: 'submission: student of another class', method: 'POST', url: '/tasks/1/submissions', headers: JSON_CT, payload: '{"student_id":41}', status: 404, code: 'TASK_NOT_FOUND' },
  { why: 'report: from without to', method: 'POST', url: '/schools/SCH00001/reports', headers: JSON_CT, payload: '{"from":"2025-09-01"}', status: 400, code: 'INVALID_BODY' },
  { why: 'report: from after to', method: 'POST', url: '/schools/SCH00001/reports', headers: JSON_CT, payload: '{"from":"2025-10-01","to":"2025-09-01"}', status: 400, code: 'INVALID_RANGE' },
  { why: 'report: body is a string', method: 'POST', url: '/schools/SCH00001/reports', headers: JSON_CT, payload: '"now"', status: 400, code: 'INVALID_BODY' },
  { why: 'job id not a number', method: 'GET', url: '/jobs/abc', status: 400, code: 'INVALID_PARAMS' },
  { why: 'job id with SQL', method: 'GET', url: '/jobs/1%20OR%201=1', status: 400, code: 'INVALID_PARAMS' },
  { why: 'wrong method on a read route', method: 'POST', url: '/schools/SCH00001/dashboard', headers: JSON_CT, payload: '{}', status: 404, code: 'NOT_FOUND' },
];

describe(NAME, () => {
  const school = bothSchoolApis(NAME, { settings: { analyticsRateLimit: 0 } });

  it(`the table has at least 20 malformed requests (${BAD.length})`, () => {
    expect(BAD.length).toBeGreaterThanOrEqual(20);
  });

  for (const variant of ['naive', 'optimized'] as const) {
    it.each(BAD)(`${variant}: $why -> $status`, async (bad) => {
      const res = await school.apis[variant].app.inject({ method: bad.method, url: bad.url, headers: bad.headers ?? {}, ...(bad.payload === undefined ? {} : { payload: bad.payload }) });
      expect(res.statusCode, res.body).toBe(bad.status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = res.json();
      expect(typeof body.error.message).toBe('string');
      if (bad.code) expect(body.error.code).toBe(bad.code);
    });
  }
});
