/*
 * What a workload is: a weighted request mix over named endpoints, the key space it draws from, a load
 * model, and a warm-up before the measured phase. Drivers (autocannon, k6) turn one of these into load.
 */
import type { EndpointName, LoadModel } from '../harness/model/RunSummary.ts';

export type KeyDistribution = { kind: 'zipf'; exponent: number } | { kind: 'uniform' } | { kind: 'hotspot'; hotFraction: number; hotTrafficFraction: number };

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface EndpointSpec {
  name: EndpointName;
  /** Relative weight in the mix. */
  weight: number;
  /** Route template, for reports: "GET /pin/public/:number". */
  route: string;
  /** Expected statuses; anything else counts as failed (k6's expected_response). */
  expectedStatuses: number[];
  /**
   * Builds one request for a key (a user/pin id drawn from the sampler). Must be a pure function of the key:
   * the autocannon driver builds a hot key's request once and reuses its bytes.
   */
  request(key: number): RequestSpec;
}

export interface Scenario {
  name: string;
  endpoints: EndpointSpec[];
  keys: { users: number; seed: number; distribution: KeyDistribution };
  load: LoadModel;
  warmupS: number;
  durationS: number;
}
