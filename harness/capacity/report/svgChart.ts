/*
 * A small server-rendered SVG chart (axes, ticks, lines or dots, legend) for capacity.html: no script and no
 * library, so the page is self-contained and reads the same in any browser or in a CI artifact viewer.
 */
import { escapeHtml } from '../../report/html/escapeHtml.ts';

export interface Series {
  name: string;
  color: string;
  points: Array<[number, number]>;
  /** 'line' joins the points in x order; 'dots' marks them. */
  kind: 'line' | 'dots';
}

export interface ChartSpec {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Horizontal reference lines (a budget), dashed. */
  hLines?: Array<{ y: number; label: string }>;
}

const W = 620;
const H = 320;
const PAD = { l: 64, r: 16, t: 30, b: 46 };

function niceStep(span: number): number {
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
}

const fmt = (v: number) => (Math.abs(v) >= 1000 ? `${Math.round(v / 100) / 10}k` : String(Math.round(v * 100) / 100));

export function svgChart(c: ChartSpec): string {
  const xs = c.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = [...c.series.flatMap((s) => s.points.map((p) => p[1])), ...(c.hLines ?? []).map((h) => h.y)];
  const xMax = Math.max(1e-9, ...xs) * 1.05;
  const yMax = Math.max(1e-9, ...ys) * 1.1;
  const px = (x: number) => PAD.l + (x / xMax) * (W - PAD.l - PAD.r);
  const py = (y: number) => H - PAD.b - (y / yMax) * (H - PAD.t - PAD.b);
  const parts: string[] = [];
  const xStep = niceStep(xMax);
  const yStep = niceStep(yMax);
  for (let x = 0; x <= xMax; x += xStep) {
    parts.push(`<line class="grid" x1="${px(x)}" x2="${px(x)}" y1="${PAD.t}" y2="${H - PAD.b}"/><text class="tick" x="${px(x)}" y="${H - PAD.b + 14}" text-anchor="middle">${fmt(x)}</text>`);
  }
  for (let y = 0; y <= yMax; y += yStep) {
    parts.push(`<line class="grid" x1="${PAD.l}" x2="${W - PAD.r}" y1="${py(y)}" y2="${py(y)}"/><text class="tick" x="${PAD.l - 6}" y="${py(y) + 4}" text-anchor="end">${fmt(y)}</text>`);
  }
  for (const h of c.hLines ?? []) {
    parts.push(`<line class="budget" x1="${PAD.l}" x2="${W - PAD.r}" y1="${py(h.y)}" y2="${py(h.y)}"/><text class="tick" x="${W - PAD.r}" y="${py(h.y) - 4}" text-anchor="end">${escapeHtml(h.label)}</text>`);
  }
  c.series.forEach((s, i) => {
    const pts = [...s.points].sort((a, b) => a[0] - b[0]);
    if (s.kind === 'line' && pts.length > 1) {
      parts.push(`<polyline class="series" data-series="${escapeHtml(s.name)}" fill="none" stroke="${s.color}" stroke-width="2" points="${pts.map((p) => `${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join(' ')}"/>`);
    }
    for (const p of pts) parts.push(`<circle class="point" data-series="${escapeHtml(s.name)}" cx="${px(p[0]).toFixed(1)}" cy="${py(p[1]).toFixed(1)}" r="3.5" fill="${s.color}"/>`);
    parts.push(`<rect x="${PAD.l + 8 + i * 150}" y="8" width="12" height="12" fill="${s.color}"/><text class="legend" x="${PAD.l + 24 + i * 150}" y="18">${escapeHtml(s.name)}</text>`);
  });
  parts.push(`<line class="axis" x1="${PAD.l}" x2="${W - PAD.r}" y1="${H - PAD.b}" y2="${H - PAD.b}"/><line class="axis" x1="${PAD.l}" x2="${PAD.l}" y1="${PAD.t}" y2="${H - PAD.b}"/>`);
  parts.push(`<text class="label" x="${(PAD.l + W - PAD.r) / 2}" y="${H - 8}" text-anchor="middle">${escapeHtml(c.xLabel)}</text>`);
  parts.push(`<text class="label" transform="translate(14 ${(PAD.t + H - PAD.b) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(c.yLabel)}</text>`);
  return `<figure><figcaption>${escapeHtml(c.title)}</figcaption><svg id="${c.id}" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(c.title)}">${parts.join('')}</svg></figure>`;
}
