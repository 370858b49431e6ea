/*
 * Ties every autocannon response to the request that caused it: its endpoint, its own start time, its status
 * and its X-Cache header. autocannon's 'response' event says neither which request it answers nor its headers,
 * and its `context` is overwritten by the next request once pipelining > 1, so each connection (autocannon
 * "client") gets a FIFO of its in-flight requests: HTTP/1.1 answers in order, so response k belongs to the
 * k-th request still pending on that connection.
 *
 * How it hooks in (autocannon 8.0; the driver tests fail if these internals change):
 * - autocannon writes every request as `conn.write(client.getRequestBuffer())`. setupClient gives each client
 *   its own getRequestBuffer: draw the endpoint and key, serialize the request, push {endpoint, start}. One
 *   call per write, first request included, and no per-request pass through autocannon's request builder.
 * - When a connection drops (reset, server close, timeout) autocannon reconnects without clearing its own queue
 *   of pipelined requests, which would shift every later response onto the wrong request and stretch its
 *   latency. We notice the new socket on the next write and fail our pending requests as transport errors
 *   (status 0), so attribution and timing stay right.
 * - Requests still in flight when the run stops are neither answered nor failed: counted as `cutOff`.
 */
import { performance } from 'node:perf_hooks';
import type { EndpointSpec } from '../../../scenarios/Scenario.ts';
import { ScaleproofError } from '../../errors/ScaleproofError.ts';
import type { EndpointPicker } from './createEndpointPicker.ts';
import { serializeRequest } from './serializeRequest.ts';
import type { WriteLedger } from '../../faults/WriteLedger.ts';
import { WRITE_ID_HEADER } from '../../../reference-impl/platform/writeId.ts';

export type XCache = 'HIT' | 'MISS';

export interface KeySampler {
  next(): number;
}

/**
 * Called once per answered or failed request (`endMs` is performance.now() at completion); arguments instead of
 * an object keep the hot path allocation-free.
 */
export type SampleSink = (endpointIndex: number, status: number, latencyMs: number, xCache: XCache | undefined, endMs: number) => void;

export interface ResponseTrackerOptions {
  endpoints: readonly EndpointSpec[];
  picker: EndpointPicker;
  sampler: KeySampler;
  /** Path of the base URL (no trailing slash), prepended to every request path: "" or "/functions/v1". */
  pathPrefix: string;
  /** Header lines every request carries (Host, keep-alive, phase), from fixedHeaderLines(). */
  headerLines: string;
  onSample: SampleSink;
  /**
   * Writes to track: requests of these endpoint indices carry a fresh x-scaleproof-write-id (built per request,
   * never from the hot-key cache), and each 2xx is entered in the ledger, for the acked-write check.
   */
  writes?: { endpoints: ReadonlySet<number>; ledger: WriteLedger } | undefined;
}

export interface ResponseTracker {
  setupClient(client: unknown): void;
  /** Requests written to a socket. */
  readonly sent: number;
  /** Requests in flight when the run stopped: neither answered nor failed. */
  readonly cutOff: number;
  /** Responses that arrived with no pending request on their connection (should stay 0). */
  readonly orphans: number;
}

/** The parts of autocannon's Client this module relies on. */
interface ClientInternals {
  conn: unknown;
  getRequestBuffer(): string | Buffer;
  on(event: 'headers', listener: (info: { headers?: string[] }) => void): void;
  on(event: 'response', listener: (status: number) => void): void;
  on(event: 'done', listener: () => void): void;
}

interface Pending {
  ep: number;
  startMs: number;
  /** 0 when the request carries no write id. */
  writeId: number;
}

function isClient(c: unknown): c is ClientInternals {
  const x = c as Partial<ClientInternals> | null;
  return !!x && typeof x.on === 'function' && typeof x.getRequestBuffer === 'function';
}

/** Reads X-Cache from the raw [name, value, name, value, ...] header list (no header object is built). */
export function xCacheOf(raw: string[] | undefined): XCache | undefined {
  if (!raw) return undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 7 && name.toLowerCase() === 'x-cache') {
      const v = (raw[i + 1] ?? '').trimStart().toUpperCase();
      return v.startsWith('HIT') ? 'HIT' : v.startsWith('MISS') ? 'MISS' : undefined;
    }
  }
  return undefined;
}

/*
 * Serialized requests of the hottest keys, per endpoint, built once: with the default Zipf skew ~90% of draws
 * fall on keys <= 65,536, and reusing their bytes skips the string building and copying per request (Buffers
 * are never mutated, so one can be written to many sockets). Relies on EndpointSpec.request being a pure
 * function of the key. Filled lazily, so a run touching few keys costs little memory.
 */
const HOT_KEYS = 65_536;

export function requestBuffers(endpoints: readonly EndpointSpec[], pathPrefix: string, headerLines: string): (ep: number, key: number) => Buffer {
  const hot = endpoints.map(() => new Array<Buffer | undefined>(HOT_KEYS + 1));
  const build = (ep: number, key: number) => Buffer.from(serializeRequest(endpoints[ep]!.request(key), pathPrefix, headerLines));
  return (ep, key) => {
    if (key > HOT_KEYS) return build(ep, key);
    const cache = hot[ep]!;
    return (cache[key] ??= build(ep, key));
  };
}

export function createResponseTracker(opts: ResponseTrackerOptions): ResponseTracker {
  const { endpoints, picker, sampler, pathPrefix, headerLines, onSample, writes } = opts;
  const requestBuffer = requestBuffers(endpoints, pathPrefix, headerLines);
  const withWriteId = (ep: number, key: number, id: number) =>
    Buffer.from(serializeRequest(endpoints[ep]!.request(key), pathPrefix, `${headerLines}${WRITE_ID_HEADER}: ${id}\r\n`));
  let sent = 0;
  let cutOff = 0;
  let orphans = 0;

  function setupClient(c: unknown): void {
    if (!isClient(c)) {
      throw new ScaleproofError('SP_INTERNAL', 'autocannon Client no longer has getRequestBuffer(); the driver supports autocannon 8.0.x. Reinstall the version in package.json.');
    }
    const client = c;
    const pending: Pending[] = [];
    let boundConn: unknown = undefined;
    let xCache: XCache | undefined;

    const failPending = () => {
      const now = performance.now();
      for (const p of pending) onSample(p.ep, 0, now - p.startMs, undefined, now);
      pending.length = 0;
    };

    // Called by autocannon right before each write (conn is already the socket it writes to).
    client.getRequestBuffer = () => {
      const conn = client.conn;
      if (conn !== boundConn) {
        // A new socket: the old one died with these requests unanswered.
        if (boundConn !== undefined) failPending();
        boundConn = conn;
      }
      const ep = picker.next();
      const writeId = writes?.endpoints.has(ep) ? writes.ledger.nextId() : 0;
      // A Buffer: socket writes of strings cost several microseconds more per request in Node 20.
      const raw = writeId ? withWriteId(ep, sampler.next(), writeId) : requestBuffer(ep, sampler.next());
      pending.push({ ep, startMs: performance.now(), writeId });
      sent++;
      return raw;
    };

    client.on('headers', (info) => {
      xCache = xCacheOf(info.headers);
    });
    client.on('response', (status) => {
      const p = pending.shift();
      if (!p) {
        orphans++;
        return;
      }
      const now = performance.now();
      if (p.writeId && status >= 200 && status < 300) writes!.ledger.acked(p.writeId, now);
      onSample(p.ep, status, now - p.startMs, xCache, now);
      xCache = undefined;
    });
    client.on('done', () => {
      // Stopped by autocannon: on a socket that already died its requests failed; on a live one they were cut off.
      if (boundConn !== undefined && client.conn !== boundConn) failPending();
      else cutOff += pending.length;
      pending.length = 0;
    });
  }

  return {
    setupClient,
    get sent() {
      return sent;
    },
    get cutOff() {
      return cutOff;
    },
    get orphans() {
      return orphans;
    },
  };
}
