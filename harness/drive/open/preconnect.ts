/*
 * Connections opened, and connected, before an open phase's schedule starts (wrk2 does the same). Opened on
 * demand instead, the first arrivals of every phase found none: they queued while sockets connected, and the
 * connect burst (hundreds at once at tens of thousands of arrivals a second) held the event loop for milliseconds
 * that showed up as schedule lag of the generator, not of the target.
 */
import { OpenConnection, type Origin } from './OpenConnection.ts';

/**
 * How many to open ahead: what the rate sends in 20 ms, at least 4, at most `max`. A phase's first tens of
 * milliseconds are when a target answers slowest (bench:overhead's trivial target on a 2-vCPU AMD EPYC VM,
 * 2026-11-28), and every arrival that found no idle connection then opened one, on the clock: at 8,000/s, 20 ms
 * ahead (160) instead of 2 ms (16) took a 3 s run's schedule lag p99 from 8.0-11.3 ms to 5.7-6.2 ms (3 runs each);
 * at 14,600/s, 256 (the maximum) instead of 30 from 12.0-23.5 ms to 7.3-18.7 ms. Idle ones cost nothing once
 * open: the phase reuses the most recent idle first.
 */
export function preconnectCount(ratePerSecond: number, max: number): number {
  return Math.max(0, Math.min(max, Math.max(4, Math.ceil(ratePerSecond / 50))));
}

/**
 * Opens `count` connections and resolves with those that connected within `timeoutMs` (a target that refuses
 * them is the phase's to report, through its own connections, so failures here are not errors).
 */
export async function preconnect(origin: Origin, count: number, timeoutMs: number): Promise<OpenConnection[]> {
  const opened = await Promise.all(Array.from({ length: count }, () => new Promise<OpenConnection | undefined>((resolve) => {
    let conn: OpenConnection | undefined = undefined;
    const timer = setTimeout(() => { conn?.destroy(); resolve(undefined); }, timeoutMs);
    conn = new OpenConnection(origin, timeoutMs, {
      onConnect: (c) => { clearTimeout(timer); resolve(c); },
      onResponse: () => undefined,
      onClose: () => { clearTimeout(timer); resolve(undefined); },
    });
  })));
  return opened.filter((c): c is OpenConnection => c !== undefined && !c.closed);
}
