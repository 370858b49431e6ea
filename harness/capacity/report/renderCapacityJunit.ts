/*
 * capacity junit.xml: one testcase "max sustainable rate >= plan target load" (failed when the plan's target is
 * above the found capacity, the exit-99 condition), one "boundary confirmed" (failed when most trials failed),
 * and one passing testcase per step with its figures, so CI pages list the search. Failed steps are not test
 * failures: a search needs them to find the boundary.
 */
import type { CapacityReport } from '../../model/CapacityReport.ts';
import { xmlEscape } from '../../report/xmlEscape.ts';

export function renderCapacityJunit(r: CapacityReport): string {
  const suite = `scaleproof.capacity.${r.workload}.${r.variant}`;
  const m = r.maxSustainableRps;
  const verdictText = m
    ? `max sustainable ${m.value} req/s (${m.low}-${m.high}); plan target ${r.planTargetRps ?? 'not declared'} req/s`
    : `no capacity within the budget: ${r.search.stopReason}`;
  const unconfirmed = [...r.notes, r.search.stopReason].find((n) => n.includes('NOT confirmed'));
  const cases: string[] = [];
  const tc = (classname: string, name: string, text: string, failure?: string) => {
    cases.push(`    <testcase classname="${xmlEscape(classname)}" name="${xmlEscape(name)}" time="0">`);
    if (failure) cases.push(`      <failure message="${xmlEscape(failure)}" type="capacity">${xmlEscape(text)}</failure>`);
    cases.push(`      <system-out>${xmlEscape(text)}</system-out>`, '    </testcase>');
  };
  tc('capacity', 'max sustainable rate >= plan target load', verdictText, r.verdict === 'fail' ? verdictText : undefined);
  tc('capacity', 'boundary confirmed by repeated trials', r.trials.map((t) => `trial ${t.trial}: ${t.highestPassingRps ?? 'none'} req/s`).join('; '), unconfirmed);
  for (const s of r.steps) {
    tc(
      'capacity.step',
      `${String(s.index).padStart(2, '0')} ${s.phase}${s.trial ? ` ${s.trial}` : ''} ${s.offeredRps} req/s`,
      `${s.passed ? 'pass' : 'fail'}: achieved ${s.achievedRps} req/s, p50/p95/p99 ${s.latencyMs.p50}/${s.latencyMs.p95}/${s.latencyMs.p99} ms${s.failures[0] ? `; first failure ${s.failures[0].metric} ${s.failures[0].expression}` : ''}`,
    );
  }
  const failures = (r.verdict === 'fail' ? 1 : 0) + (unconfirmed ? 1 : 0);
  const tests = 2 + r.steps.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="scaleproof" tests="${tests}" failures="${failures}" errors="0">`,
    `  <testsuite name="${xmlEscape(suite)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" timestamp="${xmlEscape(r.startedAt)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
