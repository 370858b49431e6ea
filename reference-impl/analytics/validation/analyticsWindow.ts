/* The dashboard windows the rollup holds (seed 000: last 30/90 days). Absent means 30d. */
import { httpErrors } from '../../platform/errors/httpErrors.ts';

export const ANALYTICS_WINDOWS = ['30d', '90d'] as const;
export type AnalyticsWindow = (typeof ANALYTICS_WINDOWS)[number];

export function parseAnalyticsWindow(raw: unknown): AnalyticsWindow {
  if (raw === undefined) return '30d';
  if (raw === '30d' || raw === '90d') return raw;
  throw httpErrors.invalidWindow(Array.isArray(raw) ? raw.join(',') : raw);
}
