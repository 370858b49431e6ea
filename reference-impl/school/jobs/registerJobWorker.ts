/*
 * Puts the job worker in the platform's periodic tasks: it polls every jobPollMs (never overlapping itself),
 * starts when the app is ready and stops, after its current job, when the app closes.
 */
import type { PlatformParts } from '../../platform/PlatformParts.ts';
import { PeriodicTask } from '../../platform/maintenance/PeriodicTask.ts';
import type { SchoolSettings } from '../schoolEnv.ts';
import { jobCounters } from './jobCounters.ts';
import { JobWorker } from './JobWorker.ts';
import { schoolJobHandlers } from './termReport.ts';

export const JOB_TASK = 'school_jobs';

export function registerJobWorker(parts: PlatformParts, settings: SchoolSettings): JobWorker {
  const worker = new JobWorker({
    db: parts.db,
    handlers: schoolJobHandlers,
    jobsPerPoll: settings.jobsPerPoll,
    leaseS: settings.jobLeaseS,
    retryDelayMs: settings.jobRetryDelayMs,
    onOutcome: jobCounters(parts.metrics.registry),
    log: parts.log,
  });
  parts.tasks.set(JOB_TASK, {
    runFirst: false,
    task: new PeriodicTask({
      name: JOB_TASK,
      intervalMs: settings.jobPollMs,
      run: async () => {
        await worker.poll();
      },
      onRun: (ok) => parts.metrics.backgroundRun(JOB_TASK, ok),
      log: parts.log,
    }),
  });
  return worker;
}
