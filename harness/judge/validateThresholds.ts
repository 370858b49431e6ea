/*
 * Checks a threshold set before any load is driven: every key names a known metric, known tags and values
 * the metric can be filtered by, and every expression parses and uses an aggregation the metric's type has.
 * The first problem throws SP_THRESHOLD_INVALID naming the offending key/expression and the fix (CLI exit 2).
 */
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { aggregationsByType, knownMetrics, knownTags, reservedTags } from './knownMetrics.ts';
import { parseThresholdExpression } from './parseThresholdExpression.ts';
import { parseThresholdKey } from './parseThresholdKey.ts';
import { SUSTAINED_AGGREGATIONS } from './observeSustained.ts';
import type { ParsedThreshold, ThresholdSpec } from './ThresholdSet.ts';

function invalid(message: string, context: Record<string, unknown>): ScaleproofError {
  return new ScaleproofError('SP_THRESHOLD_INVALID', message, context);
}

const aggName = (agg: string) => (agg === 'p' ? 'p(N)' : agg);

function specExpression(key: string, spec: unknown): { expression: string; abortOnFail: boolean } {
  if (typeof spec === 'string') return { expression: spec, abortOnFail: false };
  if (spec && typeof spec === 'object' && typeof (spec as { threshold?: unknown }).threshold === 'string') {
    return { expression: (spec as { threshold: string }).threshold, abortOnFail: (spec as { abortOnFail?: unknown }).abortOnFail === true };
  }
  throw invalid(
    `threshold ${JSON.stringify(key)} has an entry that is neither a string nor { threshold: '...' }: ${JSON.stringify(spec)}; write e.g. 'p(95)<800' or { threshold: 'p(95)<800', abortOnFail: true }`,
    { key },
  );
}

/** {for:Ns} is judged second by second from the timeline, which keeps only p50/p95/p99/max and the counts. */
function checkSustained(key: string, expression: string, parsed: ReturnType<typeof parseThresholdExpression>): void {
  const name = parsed.aggregation === 'p' ? `p(${parsed.percentile})` : parsed.aggregation;
  if (!(SUSTAINED_AGGREGATIONS as readonly string[]).includes(name)) {
    throw invalid(`threshold ${JSON.stringify(key)}: ${JSON.stringify(expression)} uses ${name}, which a {for:...} rule cannot judge (the per-second timeline keeps ${SUSTAINED_AGGREGATIONS.join(', ')}); use one of those or drop {for:...}`, { key, expression });
  }
  if (!['<', '<=', '>', '>='].includes(parsed.operator)) {
    throw invalid(`threshold ${JSON.stringify(key)}: ${JSON.stringify(expression)} compares with ${parsed.operator}; a {for:...} rule needs <, <=, > or >=`, { key, expression });
  }
}

/**
 * Validates a threshold set (k6 shape) and returns every expression parsed, in the set's order. Given the
 * workload's endpoint names, an {endpoint:NAME} filter must name one of them.
 */
export function validateThresholds(set: unknown, opts: { endpoints?: readonly string[] } = {}): ParsedThreshold[] {
  if (!set || typeof set !== 'object' || Array.isArray(set)) {
    throw invalid(`a threshold set must be an object of metric -> [expressions], e.g. { "http_req_failed": ["rate<0.01"] }; got ${JSON.stringify(set)}`, {});
  }
  const out: ParsedThreshold[] = [];
  for (const [key, specs] of Object.entries(set as Record<string, unknown>)) {
    const { metric, tags } = parseThresholdKey(key);
    const known = knownMetrics[metric];
    if (!known) {
      throw invalid(`threshold ${JSON.stringify(key)} names unknown metric ${JSON.stringify(metric)}; use one of: ${Object.keys(knownMetrics).join(', ')}`, { key, metric });
    }
    for (const [tag, value] of Object.entries(tags)) {
      const reserved = reservedTags[tag];
      if (reserved) throw invalid(`threshold ${JSON.stringify(key)} filters on tag ${JSON.stringify(tag)}, which ${reserved}; remove it`, { key, tag });
      const knownTag = knownTags[tag];
      if (!knownTag) throw invalid(`threshold ${JSON.stringify(key)} uses unknown tag ${JSON.stringify(tag)}; known tags: ${Object.keys(knownTags).join(', ')}`, { key, tag });
      if (!known.tags.includes(tag)) {
        const allowed = known.tags.length ? `it takes only ${known.tags.join(', ')}` : 'it takes no tag filter';
        throw invalid(`threshold ${JSON.stringify(key)}: ${metric} cannot be filtered by tag ${JSON.stringify(tag)} (${allowed}); remove {${tag}:${value}}`, { key, tag });
      }
      if (tag === 'endpoint' && opts.endpoints && !opts.endpoints.includes(value)) {
        throw invalid(`threshold ${JSON.stringify(key)}: ${JSON.stringify(value)} is not an endpoint of this workload; use ${opts.endpoints.join(', ')}`, { key, tag, value });
      }
      if (!knownTag.accepts(value)) {
        throw invalid(`threshold ${JSON.stringify(key)}: ${JSON.stringify(value)} is not a known value of tag ${tag}; use ${knownTag.values}`, { key, tag, value });
      }
    }
    if (!Array.isArray(specs) || specs.length === 0) {
      throw invalid(`threshold ${JSON.stringify(key)} must map to a non-empty array of expressions, e.g. ["p(95)<800"]; got ${JSON.stringify(specs)}`, { key });
    }
    for (const spec of specs as ThresholdSpec[]) {
      const { expression, abortOnFail } = specExpression(key, spec);
      const parsed = parseThresholdExpression(expression, key);
      const allowed = aggregationsByType[known.type];
      if (!allowed.includes(parsed.aggregation)) {
        throw invalid(
          `threshold ${JSON.stringify(key)}: ${JSON.stringify(expression)} uses ${aggName(parsed.aggregation)}, which a ${known.type} metric does not have; use ${allowed.map(aggName).join(' or ')}`,
          { key, expression },
        );
      }
      if (tags.for !== undefined) checkSustained(key, expression, parsed);
      out.push({ key, metric, tags, expression, ...parsed, abortOnFail });
    }
  }
  return out;
}
