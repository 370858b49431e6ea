import { describe, expect, it } from 'vitest';
import { crossCheckVerdicts } from '../../../harness/drive/k6/crossCheckVerdicts.ts';
import { parseK6Points } from '../../../harness/drive/k6/parseK6Points.ts';
import { parseSummaryExport } from '../../../harness/drive/k6/parseSummaryExport.ts';
import { evaluateThresholds } from '../../../harness/judge/evaluateThresholds.ts';
import type { ThresholdSet } from '../../../harness/judge/ThresholdSet.ts';
import { summaryOf } from '../../judge/summaryOf.ts';
import { fixture, type FixtureName } from './k6Fixtures.ts';

describe.each<FixtureName>(['pass', 'fail'])('re-judging the recorded %s run with our evaluator', (name) => {
  it("reproduces k6's verdict on every threshold the script declared", async () => {
    const exported = await parseSummaryExport(fixture(name, 'summary-export.json'));
    const points = await parseK6Points(fixture(name, 'points.ndjson'));
    // The set k6 judged, rebuilt from its own report.
    const set: ThresholdSet = {};
    for (const v of exported.thresholds) (set[v.metric] ??= []).push(v.expression);
    const summary = summaryOf({ endpoints: points.endpoints, totals: points.totals, durationS: points.durationS, mix: { pin_public: 70, pin_analytics: 20, pin_events: 10 } });

    const ours = evaluateThresholds(summary, set);
    const cmp = crossCheckVerdicts(exported.thresholds, ours);
    expect(cmp).toHaveLength(7);
    expect(cmp.filter((c) => c.agree !== true)).toEqual([]);
    // The ones the brief singles out: latency per endpoint, failure rate, request rate.
    const core = cmp.filter((c) => /^http_req_(duration|failed)|^http_reqs/.test(c.metric));
    expect(core).toHaveLength(5);
    expect(core.every((c) => c.agree)).toBe(true);
    expect(ours.every((r) => r.observed !== null)).toBe(true);
    expect(exported.thresholds.some((t) => !t.ok)).toBe(name === 'fail');
  });
});
