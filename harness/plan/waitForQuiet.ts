/*
 * Waits until an API has worked off what an overload left queued (a calibration at a closed-model concurrency
 * the design cannot carry leaves requests queued for its pool long after the driver stops): /health, which
 * runs a statement, must answer within `quietMs` twice in a row. Gives up after `maxS` and says so.
 */
import { performance } from 'node:perf_hooks';

export async function waitForQuiet(baseUrl: string, o: { quietMs?: number; maxS?: number } = {}): Promise<{ quiet: boolean; waitedS: number }> {
  const quietMs = o.quietMs ?? 250;
  const maxS = o.maxS ?? 120;
  const t0 = performance.now();
  let quietInARow = 0;
  while ((performance.now() - t0) / 1000 < maxS) {
    const s = performance.now();
    const ok = await fetch(new URL('/health', baseUrl), { signal: AbortSignal.timeout(10_000) }).then((r) => r.status < 500, () => false);
    quietInARow = ok && performance.now() - s < quietMs ? quietInARow + 1 : 0;
    if (quietInARow >= 2) return { quiet: true, waitedS: (performance.now() - t0) / 1000 };
    await new Promise((r) => setTimeout(r, 250));
  }
  return { quiet: false, waitedS: (performance.now() - t0) / 1000 };
}
