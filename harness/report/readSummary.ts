/* Reads a run's summary.json from a run folder (reports/<run-id>) or a summary.json path, validated. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import type { RunSummary } from '../model/RunSummary.ts';
import { validateSummary } from './validateSummary.ts';

export async function readSummary(pathOrDir: string): Promise<RunSummary> {
  let file = pathOrDir;
  try {
    if ((await stat(pathOrDir)).isDirectory()) file = path.join(pathOrDir, 'summary.json');
  } catch {
    throw new ScaleproofError('SP_SUMMARY_INVALID', `${pathOrDir} does not exist; pass a run folder (reports/<run-id>) or its summary.json.`, { path: pathOrDir });
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ScaleproofError('SP_SUMMARY_INVALID', `no summary.json in ${pathOrDir}; pass a run folder (reports/<run-id>) or its summary.json.`, { path: file });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ScaleproofError('SP_SUMMARY_INVALID', `${file} is not JSON (${(err as Error).message}); was the run interrupted while writing it?`, { path: file });
  }
  return validateSummary(parsed, file);
}
