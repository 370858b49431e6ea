/*
 * The two calls of k6's REST API (the `--address` server every `k6 run` starts) that start several instances
 * together: GET /v1/status answers once the instance has initialised (with --paused it then waits), and PATCH
 * /v1/status with `paused: false` (JSON:API body, as k6-operator's starter sends it) starts its run.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ScaleproofError } from '../../errors/ScaleproofError.ts';

const STATUS = (address: string) => `http://${address}/v1/status`;

/** Resolves once the instance's API answers GET /v1/status (polled every 100 ms), or rejects after timeoutMs. */
export async function waitForK6Api(address: string, o: { timeoutMs: number; signal?: AbortSignal | undefined }): Promise<void> {
  const deadline = Date.now() + o.timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    o.signal?.throwIfAborted();
    try {
      const res = await fetch(STATUS(address), { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(100, undefined, { signal: o.signal });
  }
  throw new ScaleproofError('SP_K6_API', `k6 REST API at ${address} did not answer within ${o.timeoutMs} ms (${last}); is another process on that port?`, { address });
}

/** Tells a paused instance to start. */
export async function resumeK6(address: string): Promise<void> {
  const body = JSON.stringify({ data: { type: 'status', id: 'default', attributes: { paused: false } } });
  const res = await fetch(STATUS(address), { method: 'PATCH', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(5000) }).catch((err: Error) => {
    throw new ScaleproofError('SP_K6_API', `could not resume k6 at ${address}: ${err.message}`, { address }, { cause: err });
  });
  const text = await res.text();
  if (!res.ok) throw new ScaleproofError('SP_K6_API', `k6 at ${address} refused to resume: HTTP ${res.status} ${text.slice(0, 200)}`, { address });
}
