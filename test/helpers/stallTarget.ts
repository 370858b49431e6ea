/*
 * An HTTP target that answers at once except during a stall: for `stallMs` out of every `periodMs` (by its own
 * clock, from the moment it starts listening) it holds every request and answers them all when the stall ends.
 * In-process and timer-driven, so the stall never blocks the test's own event loop.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StallTarget {
  url: string;
  /** Requests the target answered (held ones included). */
  answered(): number;
  stop(): Promise<void>;
}

export async function startStallTarget(o: { periodMs: number; stallMs: number }): Promise<StallTarget> {
  let t0 = 0;
  let answered = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    const answer = () => {
      answered++;
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2 });
      res.end('ok');
    };
    const phase = (Date.now() - t0) % o.periodMs;
    // The stall is the last stallMs of each period: held requests are answered when the period ends.
    const stallStart = o.periodMs - o.stallMs;
    if (phase >= stallStart) setTimeout(answer, o.periodMs - phase);
    else answer();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t0 = Date.now();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answered: () => answered,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
