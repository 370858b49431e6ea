/*
 * Watches the load generator itself. A saturated generator sends late and reads responses late, so its
 * latencies include its own queueing and its throughput is a floor, not the server's capacity.
 *
 * Rule (per one-second window, sampled by the caller):
 * - a window is saturated when the event loop's p99 delay exceeds 50 ms, or the process used more than 90% of
 *   one core (process.cpuUsage, user + system, all threads of this process);
 * - the run is saturated when at least 20% of its windows, and at least 2, are (a lone GC pause, or one second
 *   in which a busy shared machine did not schedule us, is not).
 * Node runs the driver on one thread, so "one core" is its ceiling whatever the machine has.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export const SATURATION_RULE = Object.freeze({ lagP99Ms: 50, cpuPercent: 90, windowFraction: 0.2, minWindows: 2 });

export interface SaturationReport {
  generatorSaturated: boolean;
  /** Largest event-loop delay seen (ms). */
  maxEventLoopLagMs: number;
  /** Driver CPU over the whole phase, percent of one core. */
  driverCpuPercent: number;
  windows: number;
  laggyWindows: number;
  busyWindows: number;
  notes: string[];
}

export interface SaturationMonitor {
  /** Closes the current window; call about once per second. */
  sample(): void;
  stop(): SaturationReport;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function createSaturationMonitor(rule = SATURATION_RULE): SaturationMonitor {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const startCpu = process.cpuUsage();
  const startMs = performance.now();
  let lastCpu = startCpu;
  let lastMs = startMs;
  let maxLagNs = 0;
  let windows = 0;
  let saturated = 0;
  let laggy = 0;
  let busy = 0;
  let worstLagP99Ms = 0;
  let worstCpu = 0;

  const closeWindow = () => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const wallMs = now - lastMs;
    if (wallMs < 200) return; // too short to judge (the tail end of a phase)
    const cpuPct = ((cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000 / wallMs) * 100;
    const lagP99Ms = loop.count > 0 ? loop.percentile(99) / 1e6 : 0;
    maxLagNs = Math.max(maxLagNs, loop.count > 0 ? loop.max : 0);
    loop.reset();
    lastCpu = cpu;
    lastMs = now;
    windows++;
    const isLaggy = lagP99Ms > rule.lagP99Ms;
    const isBusy = cpuPct > rule.cpuPercent;
    if (isLaggy) laggy++;
    if (isBusy) busy++;
    if (isLaggy || isBusy) saturated++;
    worstLagP99Ms = Math.max(worstLagP99Ms, lagP99Ms);
    worstCpu = Math.max(worstCpu, cpuPct);
  };

  return {
    sample: closeWindow,
    stop() {
      closeWindow();
      loop.disable();
      const end = process.cpuUsage();
      const wallMs = Math.max(1, performance.now() - startMs);
      const driverCpuPercent = round1(((end.user - startCpu.user + end.system - startCpu.system) / 1000 / wallMs) * 100);
      const generatorSaturated = saturated >= rule.minWindows && saturated / windows >= rule.windowFraction;
      const notes: string[] = [];
      if (generatorSaturated) {
        const why: string[] = [];
        if (laggy > 0) why.push(`event-loop p99 delay > ${rule.lagP99Ms} ms in ${laggy} of ${windows} s (worst ${round1(worstLagP99Ms)} ms)`);
        if (busy > 0) why.push(`driver CPU > ${rule.cpuPercent}% of one core in ${busy} of ${windows} s (worst ${round1(worstCpu)}%)`);
        notes.push(
          `load generator saturated: ${why.join('; ')}. Latencies include the driver's own queueing and throughput is a lower bound; ` +
            'use fewer connections, a faster machine for the driver, or k6.',
        );
      }
      return {
        generatorSaturated,
        maxEventLoopLagMs: round1(maxLagNs / 1e6),
        driverCpuPercent,
        windows,
        laggyWindows: laggy,
        busyWindows: busy,
        notes,
      };
    },
  };
}
