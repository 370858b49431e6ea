/*
 * Reads the data object k6 passes to handleSummary (our script writes it to SUMMARY_FILE): metrics.<name>.values
 * and metrics.<name>.thresholds.<expression>.ok, where ok: true means the threshold HELD (unlike --summary-export).
 */
import fs from 'node:fs/promises';
import { ScaleproofError } from '../../errors/ScaleproofError.ts';
import type { K6Verdict } from './K6Verdict.ts';

export interface HandleSummary {
  metrics: Record<string, { type: string; values: Record<string, number> }>;
  thresholds: K6Verdict[];
  testRunDurationMs: number | null;
}

interface RawMetric {
  type?: string;
  values?: Record<string, unknown>;
  thresholds?: Record<string, { ok?: unknown }>;
}

export async function parseHandleSummary(file: string): Promise<HandleSummary> {
  let raw: { metrics?: Record<string, RawMetric>; state?: { testRunDurationMs?: unknown } };
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    throw new ScaleproofError('SP_K6_FAILED', `k6 handleSummary file ${file} is missing or not JSON (${(err as Error).message}); check the k6 output above`, { file }, { cause: err });
  }
  const metrics: HandleSummary['metrics'] = {};
  const thresholds: K6Verdict[] = [];
  for (const [name, m] of Object.entries(raw.metrics ?? {})) {
    const values: Record<string, number> = {};
    for (const [k, v] of Object.entries(m.values ?? {})) if (typeof v === 'number') values[k] = v;
    metrics[name] = { type: m.type ?? 'unknown', values };
    for (const [expression, t] of Object.entries(m.thresholds ?? {})) thresholds.push({ metric: name, expression, ok: t.ok === true });
  }
  const d = raw.state?.testRunDurationMs;
  return { metrics, thresholds, testRunDurationMs: typeof d === 'number' ? d : null };
}
