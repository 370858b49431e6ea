/*
 * Reads k6's legacy `--summary-export` file. Careful: in this format a threshold's boolean is true when the
 * threshold was CROSSED (k6-docs issue #30), so ok = !value. Metric values are every numeric field of a metric.
 */
import fs from 'node:fs/promises';
import { ScaleproofError } from '../../errors/ScaleproofError.ts';
import type { K6Verdict } from './K6Verdict.ts';

export interface SummaryExport {
  metrics: Record<string, Record<string, number>>;
  thresholds: K6Verdict[];
  /** Check name -> passes/fails, from root_group (groups are not used by our script). */
  checks: Record<string, { passes: number; fails: number }>;
}

type RawMetric = Record<string, unknown> & { thresholds?: Record<string, unknown> };

export async function parseSummaryExport(file: string): Promise<SummaryExport> {
  let raw: { metrics?: Record<string, RawMetric>; root_group?: { checks?: Record<string, { name?: string; passes?: number; fails?: number }> } };
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    throw new ScaleproofError('SP_K6_FAILED', `k6 summary export ${file} is missing or not JSON (${(err as Error).message}); check the k6 output above`, { file }, { cause: err });
  }
  const metrics: SummaryExport['metrics'] = {};
  const thresholds: K6Verdict[] = [];
  for (const [name, m] of Object.entries(raw.metrics ?? {})) {
    const values: Record<string, number> = {};
    for (const [k, v] of Object.entries(m)) if (typeof v === 'number') values[k] = v;
    metrics[name] = values;
    for (const [expression, crossed] of Object.entries(m.thresholds ?? {})) {
      thresholds.push({ metric: name, expression, ok: crossed === false });
    }
  }
  const checks: SummaryExport['checks'] = {};
  for (const [name, c] of Object.entries(raw.root_group?.checks ?? {})) {
    checks[c.name ?? name] = { passes: c.passes ?? 0, fails: c.fails ?? 0 };
  }
  return { metrics, thresholds, checks };
}
