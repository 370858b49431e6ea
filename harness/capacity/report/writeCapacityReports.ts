/*
 * Writes capacity.json, capacity.md, capacity.html, junit.xml and bmf.json into outDir, each through the same
 * final redaction pass as the run reports (no connection-string password reaches a file).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CapacityReport } from '../../model/CapacityReport.ts';
import { redactOutput } from '../../report/redactSummary.ts';
import { renderCapacityBmf } from './renderCapacityBmf.ts';
import { renderCapacityHtml } from './renderCapacityHtml.ts';
import { renderCapacityJunit } from './renderCapacityJunit.ts';
import { renderCapacityMarkdown } from './renderCapacityMarkdown.ts';

export const CAPACITY_FILES = ['capacity.json', 'capacity.md', 'capacity.html', 'junit.xml', 'bmf.json'] as const;

export async function writeCapacityReports(report: CapacityReport, outDir: string): Promise<Record<string, string>> {
  const rendered: Record<(typeof CAPACITY_FILES)[number], string> = {
    'capacity.json': `${JSON.stringify(report, null, 2)}\n`,
    'capacity.md': renderCapacityMarkdown(report),
    'capacity.html': renderCapacityHtml(report),
    'junit.xml': renderCapacityJunit(report),
    'bmf.json': renderCapacityBmf(report),
  };
  await mkdir(outDir, { recursive: true });
  const files: Record<string, string> = {};
  for (const name of CAPACITY_FILES) {
    const file = path.join(outDir, name);
    await writeFile(file, redactOutput(rendered[name]), 'utf8');
    files[name] = file;
  }
  return files;
}
