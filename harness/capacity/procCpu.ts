/*
 * CPU time from Linux /proc: a process's user + system seconds (/proc/<pid>/stat fields 14-15) and the machine's
 * busy and total jiffies (/proc/stat). Returns null where /proc is missing or the process is gone (another OS,
 * another machine's Postgres): a resource that cannot be read is reported as unknown, never as idle.
 */
import fs from 'node:fs';

/** Linux's USER_HZ is 100 on every mainstream architecture and kernel config. */
const TICKS_PER_S = 100;

export function processCpuSeconds(pid: number): number | null {
  return processStat(pid)?.cpuS ?? null;
}

/** A process's command name, parent pid and user + system CPU seconds; null when it is gone or /proc is missing. */
export function processStat(pid: number): { comm: string; ppid: number; cpuS: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; fields after its closing parenthesis are fixed.
    const close = stat.lastIndexOf(')');
    const rest = stat.slice(close + 2).split(' ');
    return { comm: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(rest[1]), cpuS: (Number(rest[11]) + Number(rest[12])) / TICKS_PER_S };
  } catch {
    return null;
  }
}

export function machineCpu(): { busy: number; total: number } | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}
