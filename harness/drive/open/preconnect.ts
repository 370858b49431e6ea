/*
 * Connections opened, and connected, before an open phase's schedule starts (wrk2 does the same). Opened on
 * demand instead, the first arrivals of every phase found none: they queued while sockets connected, and the
 * connect burst (hundreds at once at tens of thousands of arrivals a second) held the event loop for milliseconds
 * that showed up as schedule lag of the generator, not of the target.
 */
import { OpenConnection, type Origin } from './OpenConnection.ts';

/** How many to open ahead: what the rate sends in 2 ms (a GC pause's burst), at least 4, at most `max`. */
export function preconnectCount(ratePerSecond: number, max: number): number {
  return Math.max(0, Math.min(max, Math.max(4, Math.ceil(ratePerSecond / 500))));
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
