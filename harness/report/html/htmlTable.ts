/* Escaped HTML tables and fact lists shared by report.html and compare.html. */
import type { Fact } from '../reportFacts.ts';
import type { Align } from '../textTable.ts';
import { escapeHtml as e } from './escapeHtml.ts';

export interface HtmlTableOptions {
  /** Per column; default: first column left, the rest right (numbers). */
  align?: readonly Align[];
  rowClass?: (rowIndex: number) => string;
}

export function htmlTable(id: string, headers: readonly string[], rows: ReadonlyArray<readonly string[]>, opts: HtmlTableOptions = {}): string {
  const right = (i: number) => (opts.align?.[i] ?? (i === 0 ? 'left' : 'right')) === 'right';
  const cell = (tag: 'th' | 'td', text: string, i: number) => `<${tag}${right(i) ? ' class="num"' : ''}>${e(text)}</${tag}>`;
  const body = rows
    .map((r, i) => {
      const cls = opts.rowClass?.(i);
      return `<tr${cls ? ` class="${e(cls)}"` : ''}>${r.map((c, j) => cell('td', c, j)).join('')}</tr>`;
    })
    .join('\n');
  return `<table id="${e(id)}"><thead><tr>${headers.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function factList(facts: readonly Fact[]): string {
  return `<dl class="facts">${facts.map((f) => `<dt${f.warn ? ' class="warn"' : ''}>${e(f.label)}</dt><dd${f.warn ? ' class="warn"' : ''}>${e(f.value)}</dd>`).join('')}</dl>`;
}
