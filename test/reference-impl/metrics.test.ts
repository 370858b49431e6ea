/* GET /metrics is valid Prometheus text holding every family the harness reads, with values that add up. */
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterEach, describe, expect, it } from 'vitest';
import { metricNames } from '../../reference-impl/platform/metrics/createMetrics.ts';
import { redisTitle, testRedisUrl } from '../helpers/testRedis.ts';
import { insertPins } from './helpers/insertPins.ts';
import { startTestApi, type TestApi } from './helpers/testApi.ts';

describe.skipIf(!testRedisUrl())(redisTitle('GET /metrics'), () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('parses as Prometheus text and contains latency, cache, single-flight, buffer, pool and query families', async () => {
    api = await startTestApi('metrics families', { redisUrl: testRedisUrl(), flushMaxEvents: 2 });
    await insertPins(api.database.url, [51]);
    await api.app.inject({ method: 'GET', url: '/pin/public/P0000051' });
    await api.app.inject({ method: 'GET', url: '/pin/public/P0000051' });
    for (let i = 0; i < 2; i++) {
      await api.app.inject({ method: 'POST', url: '/pins/P0000051/events', headers: { 'content-type': 'application/json' }, payload: '{"event_type":"view"}' });
    }
    await api.app.inject({ method: 'GET', url: '/health' });

    const res = await api.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const families = parsePrometheusTextFormat(res.body);
    const byName = new Map(families.map((f) => [f.name, f]));
    const expectType = (name: string, type: string) => {
      expect(byName.get(name), name).toBeDefined();
      expect(byName.get(name)!.type, name).toBe(type);
    };
    expectType(metricNames.requestDuration, 'HISTOGRAM');
    expectType(metricNames.cacheHits, 'COUNTER');
    expectType(metricNames.cacheMisses, 'COUNTER');
    expectType(metricNames.cacheCoalesced, 'COUNTER');
    expectType(metricNames.cacheStoreErrors, 'COUNTER');
    expectType(metricNames.cacheStoreLookups, 'COUNTER');
    expectType(metricNames.bufferDepth, 'GAUGE');
    expectType(metricNames.flushes, 'COUNTER');
    expectType(metricNames.flushFailures, 'COUNTER');
    expectType(metricNames.flushDuration, 'HISTOGRAM');
    expectType(metricNames.poolTotal, 'GAUGE');
    expectType(metricNames.poolIdle, 'GAUGE');
    expectType(metricNames.poolWaiting, 'GAUGE');
    expectType(metricNames.dbQueries, 'COUNTER');
    expectType(metricNames.eventsAccepted, 'COUNTER');

    const value = (name: string, labels: Record<string, string> = {}) => {
      const m = byName.get(name)!.metrics.find((s) => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v));
      return Number(m?.value ?? m?.count ?? NaN);
    };
    expect(value(metricNames.cacheHits, { family: 'pin' })).toBe(1);
    expect(value(metricNames.cacheMisses, { family: 'pin' })).toBe(1);
    expect(value(metricNames.cacheHits, { family: 'user' })).toBe(0); // every family is present from the start
    expect(value(metricNames.cacheStoreLookups, { family: 'pin', result: 'hit' })).toBe(1);
    expect(value(metricNames.cacheStoreLookups, { family: 'pin', result: 'miss' })).toBe(1);
    expect(value(metricNames.eventsAccepted)).toBe(2);
    expect(value(metricNames.poolTotal, { pool: 'primary' })).toBeGreaterThanOrEqual(1);
    expect(value(metricNames.dbQueries, { pool: 'primary' })).toBeGreaterThanOrEqual(2); // the PIN read and the health check at least
    // The parser drops histogram labels and counts, so read this one sample from the text itself.
    const pinCount = new RegExp(`^${metricNames.requestDuration}_count\\{method="GET",route="/pin/public/:number",status_code="200"\\} (\\d+)$`, 'm').exec(res.body);
    expect(Number(pinCount?.[1])).toBe(2);
  });
});
