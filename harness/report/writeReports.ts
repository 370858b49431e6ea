/*
 * Writes every report of a run into outDir: summary.json, report.md, report.html, junit.xml, bmf.json.
 * The summary is redacted before any writer sees it and each output gets a final redaction pass, so a
 * connection-string password can reach no report. Returns the written paths keyed by file name.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunSummary } from '../model/RunSummary.ts';
import { redactOutput, redactSummary } from './redactSummary.ts';
import { renderBmf } from './renderBmf.ts';
import { renderHtml } from './renderHtml.ts';
import { renderJunit } from './renderJunit.ts';
import { renderMarkdown } from './renderMarkdown.ts';
import { renderSummaryJson } from './renderSummaryJson.ts';

export const REPORT_FILES = ['summary.json', 'report.md', 'report.html', 'junit.xml', 'bmf.json'] as const;
export type ReportFile = (typeof REPORT_FILES)[number];

/** Renders every report to text (redacted), without touching the disk. */
export async function renderReports(summary: RunSummary): Promise<Record<ReportFile, string>> {
  const s = redactSummary(summary);
  const out: Record<ReportFile, string> = {
    'summary.json': renderSummaryJson(s),
    'report.md': renderMarkdown(s),
    'report.html': await renderHtml(s),
    'junit.xml': renderJunit(s),
    'bmf.json': renderBmf(s),
  };
  for (const name of REPORT_FILES) out[name] = redactOutput(out[name]);
  return out;
}

export async function writeReports(summary: RunSummary, outDir: string): Promise<{ files: Record<string, string> }> {
  const rendered = await renderReports(summary);
  await mkdir(outDir, { recursive: true });
  const files: Record<string, string> = {};
  for (const name of REPORT_FILES) {
    const file = path.join(outDir, name);
    await writeFile(file, rendered[name], 'utf8');
    files[name] = file;
  }
  return { files };
}
