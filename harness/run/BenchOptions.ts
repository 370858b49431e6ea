/* Everything one `bench:analytics` run is told to do; built by the CLI from flags, frozen, then run. */
import type { EndpointName } from '../model/RunSummary.ts';
import type { KeyDistribution } from '../../scenarios/Scenario.ts';
import { analyticsDefaults } from '../../scenarios/analytics/endpoints.ts';

export interface BenchOptions {
  users: number;
  eventsPerUser: number;
  seed: number;
  distribution: KeyDistribution;
  mix?: Partial<Record<EndpointName, number>> | undefined;
  durationS: number;
  warmupS: number;
  driver: 'autocannon' | 'k6';
  connections: number;
  pipelining: number;
  /** Open model (arrival rate, requests/s) when set; closed model (connections) otherwise. */
  ratePerSecond?: number | undefined;
  thresholdsFile?: string | undefined;
  target?: string | undefined;
  baseline?: string | undefined;
  maxRegression: number;
  repeat: number;
  outDir?: string | undefined;
  /** The command line as typed, for the report's "method". */
  command: string;
}

export const benchDefaults = Object.freeze({
  users: 1_000_000,
  eventsPerUser: 10,
  seed: 42,
  durationS: 30,
  warmupS: analyticsDefaults.warmupS,
  driver: 'autocannon' as const,
  connections: 32,
  pipelining: 1,
  maxRegression: 0.1,
  repeat: 1,
});
