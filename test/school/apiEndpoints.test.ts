/*
 * The endpoint table drives load at the API: every endpoint's request, for keys across the district, gets one of
 * its expected statuses from both variants; requests are pure functions of the key; the default mix is the
 * plan's per-minute load (reads:writes:analytics = 100:10:1).
 */
import { describe, expect, it } from 'vitest';
import { defaultSchoolMix, schoolEndpoints } from '../../scenarios/school/endpoints.ts';
import { validateThresholds } from '../../harness/judge/validateThresholds.ts';
import { schoolThresholds } from '../../thresholds/school.ts';
import { bothSchoolApis, TEST_STUDENTS } from './helpers/schoolTestApi.ts';

const NAME = 'school api endpoints';
const KEYS = [1, 2, 3, 40, 41, 999, 1000, 1001, 1500, TEST_STUDENTS];

describe(NAME, () => {
  const school = bothSchoolApis(NAME);

  for (const variant of ['naive', 'optimized'] as const) {
    it.each(Object.values(schoolEndpoints).map((e) => e.name))(`${variant}: %s answers an expected status for keys across the district`, async (name) => {
      const endpoint = schoolEndpoints[name]!;
      for (const key of KEYS) {
        const req = endpoint.request(key);
        const res = await school.apis[variant].app.inject({ method: req.method, url: req.path, headers: req.headers ?? {}, ...(req.body === undefined ? {} : { payload: req.body }) });
        expect(endpoint.expectedStatuses, `${req.method} ${req.path} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      }
    });
  }

  it('the analytics endpoints answer 429, an expected status, once a user is over the limit', async () => {
    const endpoint = schoolEndpoints.tasks_analytics!;
    const req = endpoint.request(7);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await school.apis.optimized.app.inject({ method: 'GET', url: req.path, headers: req.headers ?? {} })).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(endpoint.expectedStatuses).toContain(429);
  });

  it('each request is a pure function of its key', () => {
    for (const e of Object.values(schoolEndpoints)) for (const key of KEYS) expect(e.request(key)).toEqual(e.request(key));
  });

  it('the default mix is the plan\'s 1M-user minute: 100,000 reads, 10,000 writes, 1,000 analytics', () => {
    const sum = (names: string[]) => names.reduce((s, n) => s + (defaultSchoolMix[n] ?? 0), 0);
    expect(sum(['dashboard', 'user_dashboard', 'students', 'resources'])).toBe(100_000);
    expect(sum(['attendance_write', 'task_submission', 'report_job'])).toBe(10_000);
    expect(sum(['tasks_analytics', 'academics_analytics', 'attendance_analytics'])).toBe(1_000);
    expect(Object.keys(defaultSchoolMix).sort()).toEqual(Object.keys(schoolEndpoints).sort());
  });

  it('the thresholds validate against this table', () => {
    expect(validateThresholds(schoolThresholds, { endpoints: Object.keys(schoolEndpoints) }).length).toBeGreaterThanOrEqual(12);
  });
});
