/*
 * The budget a capacity step must hold, split from a threshold set by where it can be judged:
 * - per window (sliding, from the latency recorder): latency (http_req_duration), errors (http_req_failed, checks);
 * - per step (over the measured part): X-Cache hit rate (cache_hit) and the server-side cache_hit_ratio, which
 *   need the whole step's counts or before/after probes. They are ADVISORY: a cache-aside hit ratio rises with the
 *   arrival rate (more repeats of a hot key within its TTL), so a safe low step misses a target the design meets at
 *   load, and failing it would stop the search below where the cache works. Reported per step, never binding;
 * - not a budget: request-rate floors (http_reqs), dropped_iterations and anything else; the search sets the rate
 *   itself and judges the generator separately. They are listed so the report says what it left out.
 */
import type { ThresholdSet } from '../judge/ThresholdSet.ts';
import { expressionOf } from '../judge/ThresholdSet.ts';
import { parseThresholdKey } from '../judge/parseThresholdKey.ts';

const WINDOW_METRICS = new Set(['http_req_duration', 'http_req_failed', 'checks']);
const STEP_METRICS = new Set(['cache_hit', 'cache_hit_ratio']);

export interface CapacityBudget {
  window: ThresholdSet;
  step: ThresholdSet;
  /** "key: expressions" of the lines left out, with why. */
  ignored: string[];
}

/** The tightest p(95) latency bound of the window budget (ms), or null when it has none. */
export function tightestP95Ms(b: CapacityBudget): number | null {
  const bounds = Object.entries(b.window)
    .filter(([k]) => parseThresholdKey(k).metric === 'http_req_duration')
    .flatMap(([, specs]) => specs.map(expressionOf).map((e) => /^\s*p\(\s*95\s*\)\s*<=?\s*([\d.]+)/.exec(e)?.[1]).filter((x): x is string => !!x).map(Number));
  return bounds.length ? Math.min(...bounds) : null;
}

export function capacityBudget(set: ThresholdSet): CapacityBudget {
  const window: ThresholdSet = {};
  const step: ThresholdSet = {};
  const ignored: string[] = [];
  for (const [key, specs] of Object.entries(set)) {
    const { metric, tags } = parseThresholdKey(key);
    // An alert with a duration ({for:300s}) outlasts any judging window: it is a bench run's rule, not a step's.
    if (tags.for !== undefined) ignored.push(`${key}: ${specs.map(expressionOf).join(', ')} (an alert rule with a duration: judged on a bench run at least that long)`);
    else if (WINDOW_METRICS.has(metric)) window[key] = specs;
    else if (STEP_METRICS.has(metric)) step[key] = specs;
    else ignored.push(`${key}: ${specs.map(expressionOf).join(', ')} (not a latency, error or cache budget: the search sets the rate itself)`);
  }
  return { window, step, ignored };
}
