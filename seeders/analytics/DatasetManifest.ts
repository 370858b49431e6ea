/* The dataset manifest as the rest of scaleproof sees it (summary.json embeds it). */
import type { KeyDistribution } from '../../scenarios/Scenario.ts';

export type DatasetStatus = 'loading' | 'complete';

export interface DatasetManifest {
  generatorVersion: string;
  seed: number;
  users: number;
  eventsPerUser: number;
  distribution: KeyDistribution;
  /** Events cover the 12 months before this instant (ISO 8601). */
  asOf: string;
  /** Verified row counts per table; empty while loading. */
  rowCounts: Record<string, number>;
  status: DatasetStatus;
  startedAt: string;
  completedAt: string | null;
}
