/* Pass when every threshold result holds (an empty set passes: nothing was asked). */
import type { ThresholdResult } from '../model/RunSummary.ts';

export function verdictOf(results: readonly ThresholdResult[]): 'pass' | 'fail' {
  return results.every((r) => r.ok) ? 'pass' : 'fail';
}
