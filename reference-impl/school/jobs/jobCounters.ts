/* Job outcomes in the app's Prometheus registry: how many attempts completed, were retried, failed for good. */
import client from 'prom-client';
import type { Registry } from 'prom-client';
import type { JobOutcome } from './JobWorker.ts';

export const JOB_METRIC = 'scaleproof_school_job_attempts_total';

export function jobCounters(registry: Registry): (jobType: string, outcome: JobOutcome) => void {
  const counter = new client.Counter({
    name: JOB_METRIC,
    help: "Job attempts by type and outcome (completed, retry, failed = gave up, lost = retaken after the lease)",
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  return (jobType, outcome) => counter.labels(jobType, outcome).inc();
}
