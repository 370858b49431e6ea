/*
 * Parses one k6 threshold expression ("p(95)<800", "rate<0.01", "value>0.8"). Grammar as k6's
 * metrics/thresholds_parser.go: aggregation, operator, number, spaces allowed between them.
 */
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import type { Aggregation, ThresholdOperator } from './ThresholdSet.ts';

export interface ThresholdExpression {
  aggregation: Aggregation;
  percentile?: number | undefined;
  operator: ThresholdOperator;
  bound: number;
}

const NUMBER = String.raw`-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
// Longest operators first, so "<=" is not read as "<" followed by "=800".
const EXPRESSION = new RegExp(String.raw`^\s*(avg|min|med|max|count|rate|value|p\(\s*(${NUMBER})\s*\))\s*(===|==|!=|<=|>=|<|>)\s*(${NUMBER})\s*$`);

export function parseThresholdExpression(expression: string, key = ''): ThresholdExpression {
  const where = key ? ` (under ${JSON.stringify(key)})` : '';
  const m = typeof expression === 'string' ? EXPRESSION.exec(expression) : null;
  if (!m) {
    throw new ScaleproofError(
      'SP_THRESHOLD_INVALID',
      `threshold expression ${JSON.stringify(expression)}${where} is malformed; write aggregation operator number, e.g. "p(95)<800", "rate<0.01", "count>100", "value>0.8"`,
      { key, expression },
    );
  }
  const [, agg, pct, op, num] = m as unknown as [string, string, string | undefined, ThresholdOperator, string];
  const bound = Number(num);
  if (pct === undefined) return { aggregation: agg as Aggregation, operator: op, bound };
  const percentile = Number(pct);
  if (!(percentile >= 0 && percentile <= 100)) {
    throw new ScaleproofError(
      'SP_THRESHOLD_INVALID',
      `threshold expression ${JSON.stringify(expression)}${where} asks for percentile ${pct}; use p(N) with 0 <= N <= 100`,
      { key, expression },
    );
  }
  return { aggregation: 'p', percentile, operator: op, bound };
}
