/*
 * junit.xml: one <testcase> per threshold expression (classname = metric, name = expression) carrying the
 * observed value, with <failure> exactly for the crossed ones, so CI systems show thresholds as tests.
 */
import type { RunSummary } from '../model/RunSummary.ts';
import { fmtObserved } from './formatValue.ts';
import { xmlEscape } from './xmlEscape.ts';

export function renderJunit(s: RunSummary): string {
  const failures = s.thresholds.filter((t) => !t.ok).length;
  const skipped = s.thresholds.filter((t) => t.skipped).length;
  const seconds = Math.max(0, (Date.parse(s.endedAt) - Date.parse(s.startedAt)) / 1000);
  const suite = `scaleproof.${s.scenario.name}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="scaleproof" tests="${s.thresholds.length}" failures="${failures}" errors="0" time="${Number.isFinite(seconds) ? seconds.toFixed(3) : '0'}">`,
    `  <testsuite name="${xmlEscape(suite)}" tests="${s.thresholds.length}" failures="${failures}" errors="0" skipped="${skipped}" timestamp="${xmlEscape(s.startedAt)}">`,
    '    <properties>',
    `      <property name="runId" value="${xmlEscape(s.runId)}"/>`,
    `      <property name="verdict" value="${xmlEscape(s.verdict)}"/>`,
    `      <property name="gitCommit" value="${xmlEscape(s.gitCommit ?? '')}"/>`,
    '    </properties>',
  ];
  for (const t of s.thresholds) {
    const observed = fmtObserved(t.observed);
    lines.push(`    <testcase classname="${xmlEscape(t.metric)}" name="${xmlEscape(t.expression)}" time="0">`);
    lines.push('      <properties>');
    lines.push(`        <property name="observed" value="${xmlEscape(observed)}"/>`);
    lines.push('      </properties>');
    const why = t.note ? ` (${t.note})` : '';
    const text = `${t.metric} ${t.expression}: observed ${observed}${why}`;
    if (t.skipped) lines.push(`      <skipped message="${xmlEscape(t.note ?? 'not judged')}"/>`);
    else if (!t.ok) lines.push(`      <failure message="${xmlEscape(`threshold crossed: observed ${observed}${why}`)}" type="threshold">${xmlEscape(text)}</failure>`);
    lines.push(`      <system-out>${xmlEscape(text)}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
