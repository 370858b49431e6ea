/*
 * Splits a k6 threshold key into metric name and tag filter: "http_req_duration{endpoint:pin_public,status:200}".
 * Same rules as k6's metric-name parser: comma-separated key:value pairs, spaces and quotes around values ignored.
 * Only syntax is checked here; validateThresholds checks the names against knownMetrics.
 */
import { ScaleproofError } from '../errors/ScaleproofError.ts';

export interface ThresholdKey {
  metric: string;
  tags: Record<string, string>;
}

const KEY = /^([A-Za-z_][A-Za-z0-9_.]*)\s*(?:\{(.*)\})?$/s;

function invalid(key: string, why: string): ScaleproofError {
  return new ScaleproofError(
    'SP_THRESHOLD_INVALID',
    `threshold key ${JSON.stringify(key)}: ${why}; write it as metric or metric{tag:value,...}, e.g. "http_req_duration{endpoint:pin_public}"`,
    { key },
  );
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.at(-1) === t[0] ? t.slice(1, -1) : t;
}

export function parseThresholdKey(key: string): ThresholdKey {
  const m = KEY.exec(key.trim());
  if (!m) throw invalid(key, 'is not a metric name with an optional {tag:value} filter');
  const metric = m[1] as string;
  const tags: Record<string, string> = {};
  const filter = m[2];
  if (filter === undefined) return { metric, tags };
  if (filter.trim() === '') throw invalid(key, 'has an empty tag filter {}');
  for (const pair of filter.split(',')) {
    const colon = pair.indexOf(':');
    if (colon < 0) throw invalid(key, `tag filter part ${JSON.stringify(pair.trim())} has no ":"`);
    const name = pair.slice(0, colon).trim();
    const value = unquote(pair.slice(colon + 1));
    if (!name || !value) throw invalid(key, `tag filter part ${JSON.stringify(pair.trim())} needs both a tag and a value`);
    if (name in tags) throw invalid(key, `tag ${name} appears twice`);
    tags[name] = value;
  }
  return { metric, tags };
}
