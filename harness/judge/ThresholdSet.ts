/*
 * Thresholds as code, in k6's own shape (`options.thresholds`): metric key (optionally tag-filtered) -> list of
 * expressions, each a string or k6's object form. One object therefore feeds k6 and scaleproof's evaluator.
 */

/** k6's object form; `abortOnFail`/`delayAbortEval` only matter to k6 and are carried through untouched. */
export interface ObjectThreshold {
  threshold: string;
  abortOnFail?: boolean;
  delayAbortEval?: string;
}

export type ThresholdSpec = string | ObjectThreshold;

/** Mutable arrays on purpose: the same object type-checks as k6's `{ [name: string]: Threshold[] }`. */
export type ThresholdSet = Record<string, ThresholdSpec[]>;

export type MetricType = 'trend' | 'rate' | 'counter' | 'gauge';

export type Aggregation = 'avg' | 'min' | 'med' | 'max' | 'p' | 'rate' | 'count' | 'value';

export type ThresholdOperator = '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';

/** One validated expression of a set, ready to evaluate. */
export interface ParsedThreshold {
  /** The key as written, e.g. "http_req_duration{endpoint:pin_public}". */
  key: string;
  metric: string;
  tags: Readonly<Record<string, string>>;
  /** The expression as written, e.g. "p(95)<800". */
  expression: string;
  aggregation: Aggregation;
  /** For aggregation 'p': the percentile, e.g. 99.9. */
  percentile?: number | undefined;
  operator: ThresholdOperator;
  bound: number;
  abortOnFail: boolean;
}

/** The expression text of a spec in either form. */
export function expressionOf(spec: ThresholdSpec): string {
  return typeof spec === 'string' ? spec : spec.threshold;
}
