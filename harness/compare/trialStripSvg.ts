/*
 * A small inline SVG dot plot of one metric's trial values, A above B, with each side's median marked:
 * the reader sees the noise the verdict was judged against. Server-rendered, so compare.html needs no script.
 */
import { escapeHtml as e } from '../report/html/escapeHtml.ts';
import type { MetricComparison } from './ComparisonResult.ts';
import { fmtMetricValue } from './comparisonRows.ts';

const W = 320;
const H = 64;
const PAD = 36;

export function trialStripSvg(m: MetricComparison): string {
  const all = [...m.a.values, ...m.b.values];
  if (all.length === 0) return '';
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) {
    lo -= Math.abs(lo) * 0.05 || 1;
    hi += Math.abs(hi) * 0.05 || 1;
  }
  const x = (v: number) => PAD + ((v - lo) / (hi - lo)) * (W - PAD - 12);
  const row = (label: string, values: number[], median: number | null, y: number, color: string) =>
    `<text x="4" y="${y + 4}" font-size="11">${label}</text>` +
    values.map((v) => `<circle cx="${x(v).toFixed(1)}" cy="${y}" r="3.5" fill="${color}" fill-opacity="0.7"/>`).join('') +
    (median === null ? '' : `<line x1="${x(median).toFixed(1)}" x2="${x(median).toFixed(1)}" y1="${y - 8}" y2="${y + 8}" stroke="${color}" stroke-width="2"/>`);
  const title = `${m.entity} ${m.label}: A ${m.a.values.map((v) => fmtMetricValue(m, v)).join(', ')}; B ${m.b.values.map((v) => fmtMetricValue(m, v)).join(', ')}`;
  return (
    `<svg class="strip" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(title)}"><title>${e(title)}</title>` +
    row('A', m.a.values, m.a.median, 16, '#1f77b4') +
    row('B', m.b.values, m.b.median, 38, '#d62728') +
    `<text x="${PAD}" y="${H - 2}" font-size="10" fill="#5b6475">${e(fmtMetricValue(m, lo))}</text>` +
    `<text x="${W - 12}" y="${H - 2}" font-size="10" fill="#5b6475" text-anchor="end">${e(fmtMetricValue(m, hi))}</text>` +
    '</svg>'
  );
}
