/*
 * Everything one `pnpm bench:plan <workload>` run is told to do. Defaults are the engine's (planDefaults); the
 * CLI builds and freezes one of these.
 */
import type { KeyDistribution } from '../../scenarios/Scenario.ts';
import type { ArrivalProcess } from '../drive/open/arrivalSchedule.ts';

export interface PlanOptions {
  workload: string;
  users: number;
  seed: number;
  distribution: KeyDistribution;
  datasetParameters: Readonly<Record<string, number>>;
  /** Trials per step; steps alternate inside each round (A B A B). */
  trials: number;
  /** Open-model warm-up per step before its first trial, excluded. */
  warmupS: number;
  durationS: number;
  /** The offered rate; absent: half of what the first step carries in a closed-model calibration. */
  ratePerSecond?: number | undefined;
  calibrateS: number;
  /** Closed-model connections of the calibration (the workload's default). */
  calibrateConnections: number;
  arrivals: ArrivalProcess;
  maxConnections: number;
  /** Runs of each probe per trial (the trial's value is their median). */
  probeRepeats: number;
  /** Longest a probe may take (s). */
  probeTimeoutS: number;
  /** Hottest statements EXPLAINed per step. */
  explainTop: number;
  /** Only these steps (ids); default all the claims file declares. */
  steps?: readonly string[] | undefined;
  outDir?: string | undefined;
  /** Also search each step's sustainable rate within the budget (about a minute or two per step). */
  capacity: boolean;
  /** Exit 99 when any claim is `not reproduced`. */
  requireClaims: boolean;
  command: string;
}

export const planDefaults = Object.freeze({
  trials: 3,
  warmupS: 5,
  durationS: 10,
  calibrateS: 8,
  arrivals: 'constant' as ArrivalProcess,
  maxConnections: 256,
  probeRepeats: 1,
  probeTimeoutS: 180,
  explainTop: 3,
  /** Closed-model connections of the calibration, at most: a "before" design queues far fewer than a plan's 500 users. */
  calibrateMaxConnections: 16,
  /** Of the first step's closed-model throughput: a rate it carries with room, so its latency is not all queueing. */
  calibrateFraction: 0.5,
});
