/*
 * The one file that names the workloads. Each entry is a lazy import, so running one workload never loads
 * another's code. Adding a workload: its folders (scenarios/, seeders/, reference-impl/, thresholds/) and one
 * line here.
 */
import type { WorkloadRegistry } from '../harness/workload/WorkloadRegistry.ts';

export const workloads: WorkloadRegistry = Object.freeze({
  analytics: async () => (await import('./analytics/workload.ts')).analyticsWorkload,
  school: async () => (await import('./school/workload.ts')).schoolWorkload,
  marketplace: async () => (await import('./marketplace/workload.ts')).marketplaceWorkload,
  catalog: async () => (await import('./catalog/workload.ts')).catalogWorkload,
  riders: async () => (await import('./riders/workload.ts')).ridersWorkload,
});
