/*
 * What a workload is: a weighted request mix over named endpoints, the key space it draws from, a load
 * model, and a warm-up before the measured phase. Drivers (autocannon, k6) turn one of these into load.
 */
import type { EndpointName, LoadModel } from '../harness/model/RunSummary.ts';

export type KeyDistribution = { kind: 'zipf'; exponent: number } | { kind: 'uniform' } | { kind: 'hotspot'; hotFraction: number; hotTrafficFraction: number };

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
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

/** One endpoint of a workload's table: everything but its weight, which the mix decides. */
export type EndpointDef = Omit<EndpointSpec, 'weight'>;

/**
 * THE endpoint table of a workload: name -> definition. Defined here, in pure types, because k6 imports the
 * tables and scenarios/k6/tsconfig.json checks them against @types/k6 alone (no @types/node).
 */
export type EndpointTable = Readonly<Record<string, EndpointDef>>;

export interface Scenario {
  name: string;
  endpoints: EndpointSpec[];
  keys: { users: number; seed: number; distribution: KeyDistribution };
  load: LoadModel;
  warmupS: number;
  durationS: number;
}
