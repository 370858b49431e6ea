/* GitHub-flavoured markdown table; cell text is escaped so a "|" in a metric name cannot break the row. */
import type { Align } from './textTable.ts';

export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code that survives backticks and pipes inside it. */
export function mdCode(text: string): string {
  const fence = text.includes('`') ? '`` ' : '`';
  const close = text.includes('`') ? ' ``' : '`';
  return `${fence}${text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}${close}`;
}

/** Escapes characters markdown or GitHub's HTML sanitizer would interpret in running text. */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** Cells are inserted as given: escape them with mdCell / mdCode first. */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[] = []): string {
  const sep = headers.map((_, i) => ((align[i] ?? 'left') === 'right' ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(sep), ...rows.map(line)].join('\n');
}
