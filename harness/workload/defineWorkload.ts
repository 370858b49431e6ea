/*
 * Checks a workload unit once, when it is defined, and freezes it (kysely's freeze({ ...config })): a bad
 * registry entry fails with a message naming the workload and the fix, not later in the middle of a run.
 */
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { validateThresholds } from '../judge/validateThresholds.ts';
import type { Workload } from './Workload.ts';

const NAME_RE = /^[a-z][a-z0-9_]*$/;
export const REQUIRED_VARIANTS = ['optimized', 'naive'] as const;

export function defineWorkload(w: Workload): Readonly<Workload> {
  const bad = (what: string) => new ScaleproofError('SP_CONFIG', `workload ${JSON.stringify(w.name)}: ${what}`);
  if (!NAME_RE.test(w.name)) throw bad('the name must be lowercase letters, digits and _');
  for (const v of REQUIRED_VARIANTS) if (!w.variants[v]) throw bad(`needs a "${v}" variant`);
  for (const [key, v] of Object.entries(w.variants)) {
    if (key !== v.name || !NAME_RE.test(key)) throw bad(`variant ${JSON.stringify(key)} must carry its own key as name, in lowercase letters, digits and _`);
    if (v.migrations.length === 0) throw bad(`variant ${key} has no migration folders`);
  }
  if (!w.variants[w.defaultVariant]) throw bad(`defaultVariant ${JSON.stringify(w.defaultVariant)} is not one of its variants`);
  const names = Object.keys(w.endpoints);
  if (names.length === 0) throw bad('has no endpoints');
  for (const [key, e] of Object.entries(w.endpoints)) {
    if (e.name !== key) throw bad(`endpoint ${JSON.stringify(key)} must carry its own key as name`);
    if (e.expectedStatuses.length === 0) throw bad(`endpoint ${key} expects no status`);
  }
  for (const name of Object.keys(w.defaults.mix)) if (!names.includes(name)) throw bad(`default mix names unknown endpoint ${JSON.stringify(name)}`);
  if (!Object.values(w.defaults.mix).some((x) => x > 0)) throw bad('default mix has no endpoint with a weight above 0');
  for (const name of w.ackedWrites?.endpoints ?? []) if (!names.includes(name)) throw bad(`ackedWrites names unknown endpoint ${JSON.stringify(name)}`);
  if (!w.dataset.tables.includes(w.dataset.largestTable)) throw bad(`largestTable ${w.dataset.largestTable} is not one of its tables`);
  validateThresholds(w.thresholds, { endpoints: names });
  return Object.freeze({
    ...w,
    endpoints: Object.freeze({ ...w.endpoints }),
    defaults: Object.freeze({ ...w.defaults, mix: Object.freeze({ ...w.defaults.mix }) }),
    variants: Object.freeze({ ...w.variants }),
    env: Object.freeze({ ...w.env }),
  });
}
