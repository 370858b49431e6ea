/* Writes plan.json, plan.md and plan.html into the report folder, redacted like every report. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redactOutput } from '../../report/redactSummary.ts';
import type { PlanReport } from '../PlanReport.ts';
import { renderPlanHtml } from './renderPlanHtml.ts';
import { renderPlanMarkdown } from './renderPlanMarkdown.ts';

export async function writePlanReports(report: PlanReport, outDir: string): Promise<Record<string, string>> {
  await mkdir(outDir, { recursive: true });
  const rendered: Record<string, string> = {
    'plan.json': `${JSON.stringify(report, null, 2)}\n`,
    'plan.md': renderPlanMarkdown(report),
    'plan.html': renderPlanHtml(report),
  };
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(rendered)) {
    files[name] = path.join(outDir, name);
    await writeFile(files[name], redactOutput(text), 'utf8');
  }
  return files;
}
