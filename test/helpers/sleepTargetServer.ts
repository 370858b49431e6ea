/*
 * HTTP target for the driver tests (started by test/helpers/sleepTarget.ts, in-process or in a child via
 * sleepTargetChild.ts). It keeps its own
 * record of every request so tests compare the driver's numbers with what the server actually saw:
 * - sleeps a seeded delay per request (drawn in arrival order) when `delay` is set: a fixed mixture of narrow
 *   uniform bands, so each percentile sits inside a dense band where a fraction of a millisecond of scheduling
 *   noise moves it by about that much, not by the gap to the next band; it measures the time it really spent
 *   from request arrival to response end (hrtime), the truth for latency percentiles;
 * - routes by the path's first segment: `fail` answers 500, `drop` destroys the socket without answering,
 *   `cache` answers X-Cache MISS the first time a path is seen and HIT afterwards; anything else 200;
 * - the body echoes the path; the x-scaleproof-phase header is recorded per request.
 */
import http from 'node:http';
import { seededRandom } from '../../harness/random/seededRandom.ts';

export interface SleepTargetConfig {
  /** Each request sleeps a uniform delay from a band picked by weight. */
  delay?: { seed: number; bands: Array<{ weight: number; minMs: number; maxMs: number }> };
}

export interface TargetRecord {
  /** First path segment ("ok", "fail", ...). */
  route: string;
  path: string;
  phase: string | null;
  /** HTTP status sent, or 0 when the socket was destroyed. */
  status: number;
  xCache: 'HIT' | 'MISS' | null;
  /** Arrival to response end, milliseconds (for dropped requests: 0). */
  serverMs: number;
}

function delaySampler(d: NonNullable<SleepTargetConfig['delay']>): () => number {
  const random = seededRandom(d.seed);
  const total = d.bands.reduce((a, b) => a + b.weight, 0);
  return () => {
    let r = random() * total;
    const band = d.bands.find((b) => (r -= b.weight) < 0) ?? d.bands[d.bands.length - 1]!;
    return band.minMs + random() * (band.maxMs - band.minMs);
  };
}

export function createSleepTargetServer(config: SleepTargetConfig): { server: http.Server; records: TargetRecord[] } {
  const records: TargetRecord[] = [];
  const seen = new Set<string>();
  const nextDelay = config.delay ? delaySampler(config.delay) : undefined;
  const server = http.createServer((req, res) => {
    const t0 = process.hrtime.bigint();
    const path = (req.url ?? '/').split('?')[0]!;
    const route = path.split('/')[1] ?? '';
    const phaseHeader = req.headers['x-scaleproof-phase'];
    const phase = typeof phaseHeader === 'string' ? phaseHeader : null;
    // Drain any request body so keep-alive works for POSTs.
    req.resume();
    if (route === 'drop') {
      records.push({ route, path, phase, status: 0, xCache: null, serverMs: 0 });
      req.socket.destroy();
      return;
    }
    const status = route === 'fail' ? 500 : 200;
    let xCache: 'HIT' | 'MISS' | null = null;
    if (route === 'cache') {
      xCache = seen.has(path) ? 'HIT' : 'MISS';
      seen.add(path);
    }
    const answer = () => {
      const headers: http.OutgoingHttpHeaders = { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(path) };
      if (xCache) headers['x-cache'] = xCache;
      res.writeHead(status, headers);
      res.end(path);
    };
    res.on('finish', () => {
      records.push({ route, path, phase, status, xCache, serverMs: Number(process.hrtime.bigint() - t0) / 1e6 });
    });
    if (nextDelay) setTimeout(answer, nextDelay());
    else answer();
  });
  server.keepAliveTimeout = 60_000;
  return { server, records };
}
