/*
 * The identity of one k6 test: a hash of the script k6 runs (the entry file, the generic script and the
 * workload's endpoint table) and of what it is handed (keys, settings). Every instance of a split test carries it
 * as the `sp_test` tag, so bench:merge can refuse a shard of another test. 16 hex digits: a tag on every point.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface K6TestInputs {
  entrySource: string;
  /** Files the entry imports (their content is hashed, not their path). */
  modules: readonly string[];
  keys: readonly number[];
  settings: Readonly<Record<string, unknown>>;
}

export function k6TestId(i: K6TestInputs): string {
  const h = createHash('sha256').update(i.entrySource);
  for (const m of i.modules) h.update('\0').update(readFileSync(m));
  h.update('\0').update(JSON.stringify(i.keys)).update('\0').update(JSON.stringify(i.settings));
  return h.digest('hex').slice(0, 16);
}
