/*
 * A workload's endpoint table + a mix + a load model -> the Scenario the drivers run. Endpoints with weight 0
 * (or left out of the mix) are not sent; a mix naming an endpoint the workload does not have is a usage error.
 */
import type { KeyDistribution, Scenario } from '../../scenarios/Scenario.ts';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import type { LoadModel } from '../model/RunSummary.ts';
import type { Workload } from './Workload.ts';

export interface ScenarioOptions {
  users: number;
  seed: number;
  distribution: KeyDistribution;
  load: LoadModel;
  warmupS: number;
  durationS: number;
  /** Weights over the workload's endpoints; replaces the default mix for the endpoints it names. */
  mix?: Readonly<Record<string, number | undefined>> | undefined;
}

export function buildScenario(workload: Readonly<Workload>, o: ScenarioOptions): Scenario {
  const names = Object.keys(workload.endpoints);
  for (const name of Object.keys(o.mix ?? {})) {
    if (!names.includes(name)) throw new ScaleproofError('SP_USAGE', `--mix names ${JSON.stringify(name)}, which workload ${workload.name} does not have; its endpoints: ${names.join(', ')}`);
  }
  const mix: Record<string, number | undefined> = { ...workload.defaults.mix, ...o.mix };
  const endpoints = names.filter((n) => (mix[n] ?? 0) > 0).map((n) => ({ ...workload.endpoints[n]!, weight: mix[n]! }));
  if (endpoints.length === 0) throw new ScaleproofError('SP_USAGE', `the mix leaves no endpoint of ${workload.name} with a weight above 0`);
  return {
    name: workload.name,
    endpoints,
    keys: { users: o.users, seed: o.seed, distribution: o.distribution },
    load: o.load,
    warmupS: o.warmupS,
    durationS: o.durationS,
  };
}
