/*
 * bench:analytics end to end through its CLI, on real Postgres (a database of the test's own), a private
 * redis-server (so the Redis INFO delta belongs to this run alone) and the real reference API.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import pg from 'pg';
import { Redis } from 'ioredis';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.ts';
import { spawnRedis, type RedisHandle } from '../../harness/services/startRedis.ts';
import { runCli, type CliResult } from '../helpers/runCli.ts';
import { redisServerBin, redisServerTitle } from '../helpers/testRedis.ts';
import type { RunSummary } from '../../harness/model/RunSummary.ts';
import { analyticsEndpoints } from '../../scenarios/analytics/endpoints.ts';

const CLI = 'scripts/bench.ts';
const SMALL = ['analytics', '--users', '2000', '--events-per-user', '3', '--duration', '3', '--warmup', '1', '--connections', '4'];

let db: TestDatabase;
let redis: RedisHandle;
let tmp: string;
let first: CliResult;
let firstOut: string;

const bin = redisServerBin();

beforeAll(async () => {
  if (!bin) return;
  db = await createTestDatabase('bench analytics e2e');
  redis = await spawnRedis(bin, () => undefined);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-bench-'));
  firstOut = path.join(tmp, 'run1');
  // Bounds no machine speed can cross, so the exit code tests the pipeline, not this machine's load. The
  // default set (p95 < 800 ms, 200 req/s, cache hit > 0.8) is judged by the real acceptance runs.
  const loose = path.join(tmp, 'loose.json');
  await fs.writeFile(loose, JSON.stringify({
    'http_req_duration{endpoint:pin_public}': ['p(95)<60000'],
    'http_req_duration{endpoint:user}': ['p(95)<60000'],
    http_req_failed: ['rate<0.01'],
    http_reqs: ['count>0'],
    cache_hit_ratio: ['value>0'],
  }));
  first = await runCli(CLI, [...SMALL, '--thresholds', loose, '--out', firstOut], { DATABASE_URL: db.url, REDIS_URL: redis.url });
}, 300_000);

afterAll(async () => {
  await redis?.stop();
  await db?.drop();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}

// A private redis-server is what makes the Redis INFO delta this run's own; without one the block is skipped.
describe.skipIf(!bin)(redisServerTitle('bench:analytics'), () => {
  it('runs end to end, exits 0 and writes every report file with the documented summary fields', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const files = (await fs.readdir(firstOut)).sort();
    expect(files).toEqual(expect.arrayContaining(['bmf.json', 'junit.xml', 'report.html', 'report.md', 'summary.json']));
    const s = await readJson<RunSummary>(path.join(firstOut, 'summary.json'));
    expect(s.schemaVersion).toBe(1);
    expect(s.verdict).toBe('pass');
    for (const name of ['pin_public', 'pin_analytics', 'pin_events'] as const) {
      const e = s.endpoints[name]!;
      expect(e.requests).toBeGreaterThan(0);
      for (const p of ['p50', 'p90', 'p95', 'p99', 'max'] as const) expect(e.latencyMs[p]).toBeGreaterThan(0);
      expect(e.latencyMs.p50).toBeLessThanOrEqual(e.latencyMs.p99);
    }
    expect(s.server.cacheHitSource).toBe('redis-info');
    expect(s.thresholds).toHaveLength(5);
    for (const t of s.thresholds) expect(t).toEqual(expect.objectContaining({ metric: expect.any(String), expression: expect.any(String), ok: true }));
    expect(s.thresholds.find((t) => t.metric.includes('endpoint:user'))?.skipped).toBe(true);
    expect(s.thresholds.find((t) => t.metric === 'cache_hit_ratio')?.observed).toBe(s.server.cacheHitRatio);
    expect(s.environment.driver).toBe('autocannon');
    expect(s.environment.dataset).toEqual(expect.objectContaining({ seed: 42 }));
    expect(s.warmup.requests).toBeGreaterThan(0);
    expect(XMLValidator.validate(await fs.readFile(path.join(firstOut, 'junit.xml'), 'utf8'))).toBe(true);
    await readJson(path.join(firstOut, 'bmf.json'));
  });

  it("reports cache_hit_ratio equal to the Redis INFO delta, and the API's own store lookups and per-request counters agree", async () => {
    const s = await readJson<RunSummary>(path.join(firstOut, 'summary.json'));
    const r = s.server.redis!;
    expect(r.hits + r.misses).toBeGreaterThan(0);
    expect(s.server.cacheHitRatio).toBeCloseTo(r.hits / (r.hits + r.misses), 3);
    // The private redis-server serves only this run's API, so its INFO delta and the API's count of its own
    // store GETs describe the same events.
    expect(s.server.apiStoreLookups!.ratio).toBeCloseTo(s.server.cacheHitRatio!, 3);
    expect(s.server.crossCheckDelta!).toBeLessThan(0.0005);
    // Each request makes its own GET, so the per-request counters count the same events as well.
    expect(s.server.apiCounters!.hits).toBe(s.server.apiStoreLookups!.hits);
    expect(s.server.apiCounters!.misses).toBe(s.server.apiStoreLookups!.misses);
    expect(s.server.queriesPerRequest).not.toBeNull();
  });

  it('leaves none of its sp:<run-id>: keys in the Redis it was given, though the run cached under them', async () => {
    const s = await readJson<RunSummary>(path.join(firstOut, 'summary.json'));
    expect(s.server.redis!.misses).toBeGreaterThan(0); // each miss was followed by a SET under the run's prefix
    const client = new Redis(redis.url!);
    try {
      const [, keys] = await client.scan('0', 'MATCH', `sp:${s.runId}:*`, 'COUNT', 100_000);
      expect(keys).toEqual([]);
      expect(await client.dbsize()).toBe(0);
    } finally {
      client.disconnect();
    }
  });

  it("gives each endpoint its queries per request from the API's per-route counts of its route template", async () => {
    const s = await readJson<RunSummary>(path.join(firstOut, 'summary.json'));
    const routes = s.server.routes!;
    for (const [name, e] of Object.entries(s.endpoints)) {
      const r = routes[analyticsEndpoints[name]!.route];
      expect(r?.requests, name).toBeGreaterThan(0);
      expect(e!.queriesPerRequest, name).toBeCloseTo(r!.statements / r!.requests, 9);
    }
    // Buffered events are written by the flush, outside any request: the POST route issues no statement itself.
    expect(s.endpoints.pin_events?.queriesPerRequest).toBe(0);
  });

  it('never writes the database password into any report', async () => {
    const withPw = new URL(db.url);
    withPw.password = 'pw-that-must-not-leak';
    const all = await Promise.all((await fs.readdir(firstOut)).filter((f) => !f.endsWith('.png')).map((f) => fs.readFile(path.join(firstOut, f), 'utf8')));
    expect(all.join('\n')).not.toContain('pw-that-must-not-leak');
    expect(first.stdout).not.toContain('pw-that-must-not-leak');
  });

  it('exits 99 when a threshold is crossed, with a <failure> in junit.xml', async () => {
    const thresholds = path.join(tmp, 'strict.json');
    await fs.writeFile(thresholds, JSON.stringify({ 'http_req_duration{endpoint:pin_public}': ['p(95)<0.001'], http_req_failed: ['rate<0.01'] }));
    const out = path.join(tmp, 'strict');
    const res = await runCli(CLI, [...SMALL, '--thresholds', thresholds, '--out', out], { DATABASE_URL: db.url, REDIS_URL: redis.url });
    expect(res.code).toBe(99);
    const junit = new XMLParser({ ignoreAttributes: false }).parse(await fs.readFile(path.join(out, 'junit.xml'), 'utf8'));
    expect(JSON.stringify(junit)).toContain('failure');
    const s = await readJson<RunSummary>(path.join(out, 'summary.json'));
    expect(s.verdict).toBe('fail');
    expect(s.thresholds.find((t) => t.expression === 'p(95)<0.001')?.ok).toBe(false);
    expect(s.thresholds.find((t) => t.expression === 'rate<0.01')?.ok).toBe(true);
  });

  it.each([
    ['an unknown metric', { http_req_duratoin: ['p(95)<800'] }],
    ['an unknown tag value', { 'http_req_duration{endpoint:nope}': ['p(95)<800'] }],
    ['a malformed expression', { http_req_duration: ['p95 < eight hundred'] }],
  ])('exits 2 before any load for %s', async (_what, set) => {
    const fresh = await createTestDatabase('bench thresholds invalid');
    try {
      const file = path.join(tmp, `bad-${Math.random().toString(36).slice(2)}.json`);
      await fs.writeFile(file, JSON.stringify(set));
      const res = await runCli(CLI, [...SMALL, '--thresholds', file, '--out', path.join(tmp, 'never')], { DATABASE_URL: fresh.url, REDIS_URL: redis.url });
      expect(res.code).toBe(2);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      // Nothing ran: no migration, no seeding, no report.
      const c = new pg.Client({ connectionString: fresh.url });
      await c.connect();
      const t = await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
      await c.end();
      expect(t.rows[0].n).toBe(0);
      await expect(fs.access(path.join(tmp, 'never'))).rejects.toThrow();
    } finally {
      await fresh.drop();
    }
  });

  it.each([
    [['--users', '-5']],
    [['--duration', 'soon']],
    [['--driver', 'jmeter']],
    [['--no-such-flag']],
    [['--target', 'ftp://x']],
  ])('exits 2 with one line for bad flags %j', async (args) => {
    const res = await runCli(CLI, ['analytics', ...args], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('drives any server that speaks the endpoints with --target, taking cache hits from X-Cache headers', async () => {
    let hits = 0;
    let misses = 0;
    const server = http.createServer((req, res) => {
      const m = /^\/pin\/public\/P(\d+)/.exec(req.url ?? '');
      if (req.method === 'POST') {
        req.resume();
        req.on('end', () => res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":1}'));
        return;
      }
      if (m) {
        const hit = Number(m[1]) % 10 !== 0; // ~all hits under the Zipf skew, so the default cache threshold holds
        if (hit) hits++;
        else misses++;
        res.writeHead(200, { 'content-type': 'application/json', 'x-cache': hit ? 'HIT' : 'MISS' }).end('{}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'x-cache': 'HIT' }).end('{}');
      hits++;
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const out = path.join(tmp, 'target');
      const res = await runCli(CLI, ['analytics', '--target', `http://127.0.0.1:${port}`, '--users', '1000', '--duration', '2', '--warmup', '0', '--connections', '4', '--thresholds', path.join(tmp, 'loose.json'), '--out', out], {});
      expect(res.code).toBe(0);
      const s = await readJson<RunSummary>(path.join(out, 'summary.json'));
      expect(s.server.cacheHitSource).toBe('x-cache-header');
      const x = s.server.xCacheHeaders!;
      // The server also counted the few requests still in flight when the phase stopped (at most one per
      // connection); the client never got their answers, so they are not in the measured numbers.
      expect(x.hits + x.misses).toBeLessThanOrEqual(hits + misses);
      expect(x.hits + x.misses).toBeGreaterThanOrEqual(hits + misses - 4);
      expect(x.hits + x.misses).toBe(s.endpoints.pin_public!.requests + s.endpoints.pin_analytics!.requests);
      // Each of the server's counts is the client's plus those last unanswered requests, so the ratio is the
      // X-Cache one exactly, and the server's own ratio only as close as 4 requests in a short run allow.
      expect(x.hits).toBeLessThanOrEqual(hits);
      expect(x.hits).toBeGreaterThanOrEqual(hits - 4);
      expect(x.misses).toBeLessThanOrEqual(misses);
      expect(x.misses).toBeGreaterThanOrEqual(misses - 4);
      expect(s.server.cacheHitRatio).toBeCloseTo(x.hits / (x.hits + x.misses), 6);
      expect(s.environment.target).toBe(`http://127.0.0.1:${port}`);
    } finally {
      server.close();
    }
  });
});
