/*
 * Loads `--thresholds FILE`, which replaces the default set: a .json file holding the set, or a .ts/.js/.mjs
 * module whose default export (or `thresholds` export) is the set. The set is validated before it is returned,
 * so a bad file stops the run before any load (SP_THRESHOLD_INVALID / SP_USAGE, exit 2).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import type { ThresholdSet } from './ThresholdSet.ts';
import { validateThresholds } from './validateThresholds.ts';

const MODULE_EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);

async function readSet(file: string): Promise<unknown> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') {
    const text = await fs.readFile(file, 'utf8');
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new ScaleproofError('SP_THRESHOLD_INVALID', `--thresholds ${file} is not valid JSON (${(err as Error).message}); fix the file`, { file });
    }
  }
  if (MODULE_EXTENSIONS.has(ext)) {
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown; thresholds?: unknown };
    const set = mod.default ?? mod.thresholds;
    if (set === undefined) {
      throw new ScaleproofError('SP_THRESHOLD_INVALID', `--thresholds ${file} exports no threshold set; add \`export default { ... }\` or \`export const thresholds = { ... }\``, { file });
    }
    return set;
  }
  throw new ScaleproofError('SP_USAGE', `--thresholds ${file}: unsupported file type ${ext || '(none)'}; use .json or .ts/.js`, { file });
}

export async function loadThresholds(file: string, cwd: string = '.'): Promise<ThresholdSet> {
  const abs = path.resolve(cwd, file);
  try {
    await fs.access(abs);
  } catch {
    throw new ScaleproofError('SP_USAGE', `--thresholds ${file}: no such file; give the path of a .json or .ts threshold set`, { file: abs });
  }
  const set = await readSet(abs);
  validateThresholds(set);
  return set as ThresholdSet;
}
