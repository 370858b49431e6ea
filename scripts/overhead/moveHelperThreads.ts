/*
 * Moves every thread of this process except the main one (V8's GC and compiler workers, libuv's pool) to
 * another CPU, leaving the main thread alone on its own. bench:overhead's open-model check runs the driver this
 * way: with the whole process pinned to one CPU, those helpers took 3-8% of it during a run at 68,000/s, and the
 * main thread waited on the run queue behind them for 40-210 ms of each 2 s run, which was most of its schedule
 * lag over 1 ms (measured 2026-11-29 with /proc/<pid>/task/<tid>/schedstat). The closed rounds are not run this
 * way: the bare autocannon CLI they compare with has its helpers on its own CPU.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Returns how many threads were moved to `cpu` (0 where /proc or taskset is unavailable). */
export function moveHelperThreads(taskset: string, cpu: number): number {
  let moved = 0;
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${process.pid}/task`);
  } catch {
    return 0; // no /proc: leave the threads where they are
  }
  for (const tid of tids) {
    if (tid === String(process.pid)) continue;
    try {
      execFileSync(taskset, ['-cp', String(cpu), tid], { stdio: 'ignore' });
      moved++;
    } catch {
      /* the thread ended meanwhile */
    }
  }
  return moved;
}
