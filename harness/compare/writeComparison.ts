/* Writes compare.md and compare.html for a comparison (with the gate's findings when given), redacted like run reports. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redactOutput } from '../report/redactSummary.ts';
import type { ComparisonResult } from './ComparisonResult.ts';
import type { GateResult } from './regressionGate.ts';
import { renderCompareHtml } from './renderCompareHtml.ts';
import { renderCompareMarkdown } from './renderCompareMarkdown.ts';

export async function writeComparison(
  result: ComparisonResult,
  outDir: string,
  gate?: { result: GateResult; maxRegression: number },
): Promise<{ files: Record<string, string> }> {
  await mkdir(outDir, { recursive: true });
  const rendered: Record<string, string> = {
    'compare.md': renderCompareMarkdown(result, gate?.result, gate?.maxRegression),
    'compare.html': await renderCompareHtml(result, gate?.result, gate?.maxRegression),
  };
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(rendered)) {
    files[name] = path.join(outDir, name);
    await writeFile(files[name], redactOutput(text), 'utf8');
  }
  return { files };
}
