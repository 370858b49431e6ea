/*
 * Judges a threshold set over a slice of a step (one sliding window, or the whole measured part) with the
 * engine's own evaluator: the slice is shaped as a RunSummary (harness/judge/sliceSummary.ts, shared with the
 * {for:Ns} evaluation of a run's timeline), so windows and runs are judged by the same rules.
 */
import { evaluateThresholds } from '../judge/evaluateThresholds.ts';
import { sliceSummary, type Slice } from '../judge/sliceSummary.ts';
import type { ThresholdSet } from '../judge/ThresholdSet.ts';
import type { ThresholdResult } from '../model/RunSummary.ts';

export type { Slice };

export function judgeSlice(slice: Slice, set: ThresholdSet): ThresholdResult[] {
  if (Object.keys(set).length === 0) return [];
  return evaluateThresholds(sliceSummary(slice), set);
}
