import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHandleSummary } from '../../../harness/drive/k6/parseHandleSummary.ts';
import { parseSummaryExport } from '../../../harness/drive/k6/parseSummaryExport.ts';
import { crossCheckVerdicts } from '../../../harness/drive/k6/crossCheckVerdicts.ts';
import { toK6Thresholds } from '../../../harness/drive/k6/toK6Thresholds.ts';
import { isScaleproofError } from '../../../harness/errors/ScaleproofError.ts';
import { fixture, type FixtureName } from './k6Fixtures.ts';

const key = (v: { metric: string; expression: string }) => `${v.metric} ${v.expression}`;

describe('parseSummaryExport on recorded k6 output', () => {
  it('finds every threshold of the pass run held, as its exit code 0 says', async () => {
    const s = await parseSummaryExport(fixture('pass', 'summary-export.json'));
    expect(fs.readFileSync(fixture('pass', 'exit-code'), 'utf8').trim()).toBe('0');
    expect(s.thresholds.map(key).sort()).toEqual([
      'cache_hit rate>0.5',
      'checks rate>0.99',
      'http_req_duration{endpoint:pin_analytics} p(95)<800',
      'http_req_duration{endpoint:pin_analytics} p(99)<1500',
      'http_req_duration{endpoint:pin_public} p(95)<800',
      'http_req_failed rate<0.01',
      'http_reqs rate>=50',
    ]);
    expect(s.thresholds.every((t) => t.ok)).toBe(true);
  });

  it('finds exactly the two thresholds the fixture README documents crossed in the fail run, the rest held', async () => {
    const s = await parseSummaryExport(fixture('fail', 'summary-export.json'));
    const crossed = s.thresholds.filter((t) => !t.ok).map(key).sort();
    expect(crossed).toEqual(['cache_hit rate>0.95', 'http_req_duration{endpoint:pin_public} p(95)<2']);
    expect(s.thresholds.filter((t) => t.ok)).toHaveLength(5);
    // k6 itself named the same metrics on stderr and exited 99.
    const stdout = fs.readFileSync(fixture('fail', 'stdout.txt'), 'utf8');
    const named = /thresholds on metrics '([^']+)' have been crossed/.exec(stdout)?.[1]?.split(', ').sort();
    expect(named).toEqual([...new Set(s.thresholds.filter((t) => !t.ok).map((t) => t.metric))].sort());
    expect(fs.readFileSync(fixture('fail', 'exit-code'), 'utf8').trim()).toBe('99');
  });

  it('inverts the legacy boolean: true in the file (crossed) becomes ok=false', async () => {
    const raw = JSON.parse(fs.readFileSync(fixture('fail', 'summary-export.json'), 'utf8'));
    expect(raw.metrics['http_req_duration{endpoint:pin_public}'].thresholds['p(95)<2']).toBe(true);
    expect(raw.metrics.http_req_failed.thresholds['rate<0.01']).toBe(false);
    const s = await parseSummaryExport(fixture('fail', 'summary-export.json'));
    expect(s.thresholds.find((t) => t.metric === 'http_req_duration{endpoint:pin_public}')?.ok).toBe(false);
    expect(s.thresholds.find((t) => t.metric === 'http_req_failed')?.ok).toBe(true);
  });

  it('keeps metric values and check counts', async () => {
    const s = await parseSummaryExport(fixture('pass', 'summary-export.json'));
    expect(s.metrics.http_reqs).toMatchObject({ count: 301 });
    expect(s.metrics['http_req_duration{endpoint:pin_public}']?.['p(95)']).toBeCloseTo(20.9413, 3);
    expect(s.metrics.cache_hit).toMatchObject({ passes: 153, fails: 107 });
    expect(s.checks).toEqual({ 'status 200': { passes: 260, fails: 0 }, 'status 202': { passes: 41, fails: 0 } });
  });

  it('turns a missing file into SP_K6_FAILED naming it', async () => {
    const err = await parseSummaryExport('/nonexistent/summary-export.json').catch((e: unknown) => e);
    expect(isScaleproofError(err, 'SP_K6_FAILED')).toBe(true);
    expect((err as Error).message).toContain('/nonexistent/summary-export.json');
  });
});

describe('parseHandleSummary on recorded k6 output', () => {
  it.each<FixtureName>(['pass', 'fail'])('agrees with the summary export on every threshold verdict (%s run)', async (name) => {
    const exported = await parseSummaryExport(fixture(name, 'summary-export.json'));
    const handled = await parseHandleSummary(fixture(name, 'handle-summary.json'));
    const byKey = (vs: typeof exported.thresholds) => Object.fromEntries(vs.map((v) => [key(v), v.ok]));
    expect(byKey(handled.thresholds)).toEqual(byKey(exported.thresholds));
    expect(handled.thresholds).toHaveLength(7);
    expect(handled.metrics.http_reqs?.values.count).toBe(exported.metrics.http_reqs?.count);
    expect(handled.testRunDurationMs).toBeGreaterThan(3000);
  });

  it('reads ok:true as held and ok:false as crossed', async () => {
    const raw = JSON.parse(fs.readFileSync(fixture('fail', 'handle-summary.json'), 'utf8'));
    expect(raw.metrics.cache_hit.thresholds['rate>0.95'].ok).toBe(false);
    const h = await parseHandleSummary(fixture('fail', 'handle-summary.json'));
    expect(h.thresholds.find((t) => t.metric === 'cache_hit')?.ok).toBe(false);
    expect(h.metrics.cache_hit?.type).toBe('rate');
  });
});

describe('crossCheckVerdicts', () => {
  it('matches k6 verdicts to ours by key and flags a disagreement', async () => {
    const k6 = (await parseSummaryExport(fixture('fail', 'summary-export.json'))).thresholds;
    const ours = k6.map((v) => ({ metric: v.metric, expression: v.expression, observed: 0, ok: v.metric === 'cache_hit' ? true : v.ok }));
    const cmp = crossCheckVerdicts(k6, ours);
    expect(cmp.filter((c) => c.agree === false).map(key)).toEqual(['cache_hit rate>0.95']);
    expect(cmp.filter((c) => c.agree === true)).toHaveLength(6);
  });

  it('follows the toK6Thresholds mapping to the rewritten key k6 judged', () => {
    const { mapping } = toK6Thresholds({ http_reqs: ['rate>=200'], cache_hit_ratio: ['value>0.8'] }, { mix: { pin_public: 1 }, durationS: 30 });
    const k6 = [{ metric: 'http_reqs{scenario:measured}', expression: 'count>=6000', ok: false }];
    const cmp = crossCheckVerdicts(k6, [
      { metric: 'http_reqs', expression: 'rate>=200', observed: 150, ok: false },
      { metric: 'cache_hit_ratio', expression: 'value>0.8', observed: 0.9, ok: true },
    ], mapping);
    expect(cmp[0]).toMatchObject({ k6: false, ours: false, agree: true });
    expect(cmp[1]).toMatchObject({ k6: undefined, agree: undefined });
  });

  it('leaves thresholds k6 never judged (not in the mapping) undecided', () => {
    const cmp = crossCheckVerdicts([], [{ metric: 'cache_hit_ratio', expression: 'value>0.8', observed: 0.9, ok: true }], []);
    expect(cmp[0]).toMatchObject({ k6: undefined, agree: undefined });
  });
});
