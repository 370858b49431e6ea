/*
 * An HTTP target with a known capacity: `slots` requests are served at once, each taking `serviceMs` (a timer,
 * so the CPU stays idle), and the rest wait in a FIFO. Capacity = slots / serviceMs requests per ms: below it
 * latency stays at serviceMs, above it the queue (and latency) grows without bound. In-process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlotTarget {
  url: string;
  capacityRps: number;
  stop(): Promise<void>;
}

export async function startSlotTarget(o: { slots: number; serviceMs: number; failAll?: boolean }): Promise<SlotTarget> {
  let busy = 0;
  const waiting: Array<() => void> = [];
  const serve = (res: http.ServerResponse) => {
    busy++;
    setTimeout(() => {
      const status = o.failAll ? 500 : 200;
      res.writeHead(status, { 'content-type': 'text/plain', 'content-length': 2 });
      res.end('ok');
      busy--;
      const next = waiting.shift();
      if (next) next();
    }, o.serviceMs);
  };
  const server = http.createServer((req, res) => {
    req.resume();
    if (busy < o.slots) serve(res);
    else waiting.push(() => serve(res));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    capacityRps: (o.slots * 1000) / o.serviceMs,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
