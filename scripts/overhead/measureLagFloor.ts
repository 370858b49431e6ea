/*
 * The schedule lag a perfect generator would have on this CPU right now: a busy loop (never sleeping, never
 * doing work) walks the same constant schedule and notes how late it first sees each arrival due. Whatever it
 * measures is the machine's, not the driver's: time slices given to other processes on a shared machine, and
 * interrupts. Printed next to the open driver's lag so a figure over the target can be told apart.
 */
import { performance } from 'node:perf_hooks';
import { createArrivalSchedule } from '../../harness/drive/open/arrivalSchedule.ts';
import { createHistogram, recordMs } from '../../harness/drive/latencyHistogram.ts';

export interface LagFloor {
  /** p99 of how late the busy loop saw each arrival (ms). */
  p99Ms: number;
  maxMs: number;
  /** Share of the time the loop was not running (gaps over 0.2 ms between two clock reads), percent. */
  preemptedPercent: number;
}

export function measureLagFloor(ratePerSecond: number, durationMs: number): LagFloor {
  // The open driver's own schedule, so both walk the same arrivals.
  const schedule = createArrivalSchedule({ process: 'constant', ratePerSecond, seed: 1 });
  let due = schedule.next();
  const lag = createHistogram();
  const t0 = performance.now();
  let last = t0;
  let lost = 0;
  for (;;) {
    const now = performance.now();
    if (now - last > 0.2) lost += now - last;
    last = now;
    const t = now - t0;
    if (t >= durationMs) break;
    for (; due <= t; due = schedule.next()) recordMs(lag, t - due);
  }
  return { p99Ms: lag.getValueAtPercentile(99) / 1000, maxMs: lag.maxValue / 1000, preemptedPercent: Math.round((lost / durationMs) * 1000) / 10 };
}
