/* How reports name what ran: the workload, and its variant when the file records one ("school (naive)"). */
import type { RunSummary } from '../model/RunSummary.ts';

export function scenarioLabel(s: Pick<RunSummary, 'scenario'>): string {
  return s.scenario.variant ? `${s.scenario.name} (${s.scenario.variant})` : s.scenario.name;
}
