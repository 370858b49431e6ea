/*
 * Everything one `pnpm bench:capacity <workload>` run is told to do: the dataset and target as for bench, and
 * the search's knobs. Defaults are the engine's (capacityDefaults); the CLI builds and freezes one of these.
 */
import type { KeyDistribution } from '../../scenarios/Scenario.ts';
import type { ArrivalProcess } from '../drive/open/arrivalSchedule.ts';

export interface CapacityOptions {
  workload: string;
  variant: string;
  users: number;
  seed: number;
  distribution: KeyDistribution;
  datasetParameters: Readonly<Record<string, number>>;
  mix?: Readonly<Record<string, number>> | undefined;
  warmupS: number;
  /** Closed-model connections of the warm-up (the workload's default). */
  warmupConnections: number;
  thresholdsFile?: string | undefined;
  target?: string | undefined;
  outDir?: string | undefined;
  startRps: number;
  maxRps: number;
  factor: number;
  tolerance: number;
  trials: number;
  refineSteps: number;
  settleS: number;
  measureS: number;
  windowS: number;
  arrivals: ArrivalProcess;
  maxConnections: number;
  cooldownS: number;
  degradeErrorRate: number;
  /** Generator validity bound; default max(5 ms, 5% of the tightest p95 budget): its lateness must be small next to what it judges. */
  maxScheduleLagMs?: number | undefined;
  command: string;
}

export const capacityDefaults = Object.freeze({
  startRps: 100,
  maxRps: 100_000,
  factor: 2,
  tolerance: 0.05,
  trials: 3,
  refineSteps: 2,
  settleS: 3,
  measureS: 8,
  windowS: 4,
  arrivals: 'constant' as ArrivalProcess,
  maxConnections: 512,
  cooldownS: 3,
  degradeErrorRate: 0.5,
});
