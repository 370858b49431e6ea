/* The CLI's exit code for a set of verdicts: 0 all hold, 99 crossed (k6's ThresholdsHaveFailed code). */
import type { ThresholdResult } from '../model/RunSummary.ts';
import { verdictOf } from './verdictOf.ts';

export const EXIT_THRESHOLDS_CROSSED = 99;

export function exitCodeFor(results: readonly ThresholdResult[]): 0 | 99 {
  return verdictOf(results) === 'pass' ? 0 : EXIT_THRESHOLDS_CROSSED;
}
