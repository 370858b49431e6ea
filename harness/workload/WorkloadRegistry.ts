/*
 * Workloads by name, each loaded lazily (an import() per entry), so running one never loads another's code.
 * The registry itself lives outside the engine (scenarios/registry.ts); the engine only gets it passed in.
 */
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import type { Variant, Workload } from './Workload.ts';

export type WorkloadRegistry = Readonly<Record<string, () => Promise<Readonly<Workload>>>>;

export interface ResolvedWorkload {
  workload: Readonly<Workload>;
  variant: Readonly<Variant>;
}

/** The workload and variant by name; an unknown one is a usage error listing the valid names. */
export async function resolveWorkload(registry: WorkloadRegistry, name: string, variant?: string): Promise<ResolvedWorkload> {
  const load = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!load) throw new ScaleproofError('SP_USAGE', `unknown workload ${JSON.stringify(name)}; valid workloads: ${Object.keys(registry).join(', ')}`);
  const workload = await load();
  const v = variant ?? workload.defaultVariant;
  const found = Object.hasOwn(workload.variants, v) ? workload.variants[v] : undefined;
  if (!found) throw new ScaleproofError('SP_USAGE', `unknown variant ${JSON.stringify(v)} of workload ${name}; valid variants: ${Object.keys(workload.variants).join(', ')}`);
  return { workload, variant: found };
}
