/*
 * Everything one `pnpm bench <workload>` run is told to do; built by the CLI from flags over the workload's
 * (and variant's) defaults, frozen, then run. The engine's own defaults are here; the workload's are in its
 * unit (Workload.defaults, Variant.defaults), merged by workloadDefaults().
 */
import type { KeyDistribution } from '../../scenarios/Scenario.ts';
import type { EndpointName } from '../model/RunSummary.ts';
import type { FaultSpec } from '../faults/FaultSpec.ts';
import type { Variant, Workload, WorkloadDefaults } from '../workload/Workload.ts';

export interface BenchOptions {
  workload: string;
  variant: string;
  users: number;
  seed: number;
  distribution: KeyDistribution;
  /** Workload-specific dataset knobs (analytics: eventsPerUser). */
  datasetParameters: Readonly<Record<string, number>>;
  mix?: Partial<Record<EndpointName, number>> | undefined;
  durationS: number;
  warmupS: number;
  driver: 'autocannon' | 'k6';
  /** k6 only: split each phase over this many local k6 processes (execution segments), merged. Default 1. */
  k6Instances?: number | undefined;
  connections: number;
  pipelining: number;
  /** Open model (arrival rate, requests/s) when set; closed model (connections) otherwise. */
  ratePerSecond?: number | undefined;
  /** Open model only: arrival process (default constant). */
  arrivals?: 'constant' | 'poisson' | undefined;
  thresholdsFile?: string | undefined;
  target?: string | undefined;
  baseline?: string | undefined;
  maxRegression: number;
  repeat: number;
  outDir?: string | undefined;
  /** Buffered writes' acknowledgement, passed to the API as SCALEPROOF_ACK_MODE (workloads that declare it). */
  ackMode?: 'buffered' | 'committed' | undefined;
  /** --pooler on|off: pgBouncer (transaction mode) in front of the API's Postgres; undefined: the variant's default. */
  pooler?: boolean | undefined;
  /** --replica on|off: a streaming read replica for the variant's replica reads; undefined: the variant's default. */
  replica?: boolean | undefined;
  /** Faults to inject during the measured phase (--fault, repeatable). */
  faults?: readonly FaultSpec[] | undefined;
  /** The command line as typed, for the report's "method". */
  command: string;
}

/** The engine's defaults: what does not depend on the workload. */
export const benchDefaults = Object.freeze({
  driver: 'autocannon' as const,
  maxRegression: 0.1,
  repeat: 1,
});

/** The workload's defaults with the variant's overrides on top. */
export function workloadDefaults(workload: Readonly<Workload>, variant: Readonly<Variant>): Readonly<WorkloadDefaults> {
  return Object.freeze({ ...workload.defaults, ...variant.defaults });
}
