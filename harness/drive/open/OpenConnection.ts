/*
 * One keep-alive HTTP/1.1 connection of the open-model driver, one request at a time (no pipelining: a
 * pipelined request would wait behind another's response, which the open model counts as queueing instead).
 * Requests are pre-serialized bytes (the closed driver's serializer); responses are parsed with http-parser-js
 * (what autocannon uses), and X-Cache is read from the raw header list.
 * Plain TCP reads go through net's `onread` into one buffer shared by every connection: no Buffer and no
 * stream 'data' event per response, which at tens of thousands of responses a second is much of the
 * generator's garbage (and its GC pauses are schedule lag). Sharing is safe: a read is parsed synchronously,
 * and the parser copies what it keeps (partial header lines) into strings.
 */
import net from 'node:net';
import tls from 'node:tls';
import { HTTPParser } from 'http-parser-js';
import { xCacheOf, type XCache } from '../autocannon/createResponseTracker.ts';

const sharedReadBuffer = Buffer.allocUnsafe(64 * 1024);

export interface InFlight {
  ep: number;
  /** performance.now() at which the schedule meant this request to leave. */
  intendedMs: number;
  /** performance.now() at which it was written to the socket. */
  sentMs: number;
}

export interface ConnectionEvents {
  /** The socket connected (a request written before is already on its way). */
  onConnect(conn: OpenConnection): void;
  /** A response completed (the connection is idle again unless `closing`). */
  onResponse(conn: OpenConnection, req: InFlight, status: number, xCache: XCache | undefined): void;
  /** The connection died (error, timeout, server close); `req` is what it was carrying, if anything. */
  onClose(conn: OpenConnection, req: InFlight | undefined, reason: string): void;
}

export interface Origin {
  host: string;
  port: number;
  tls: boolean;
}

export class OpenConnection {
  readonly #socket: net.Socket;
  readonly #parser = new HTTPParser(HTTPParser.RESPONSE);
  #events: ConnectionEvents;
  #current: InFlight | undefined;
  #status = 0;
  #xCache: XCache | undefined;
  #keepAlive = true;
  #closed = false;
  /** Set once the socket is connected; a request written before is buffered by the socket. */
  connected = false;

  constructor(origin: Origin, timeoutMs: number, events: ConnectionEvents) {
    this.#events = events;
    this.#socket = origin.tls
      ? tls.connect({ host: origin.host, port: origin.port, servername: origin.host })
      : net.connect({ host: origin.host, port: origin.port, onread: { buffer: sharedReadBuffer, callback: (n, buf) => this.#parse(buf as Buffer, n) } });
    this.#socket.setNoDelay(true);
    this.#socket.setTimeout(timeoutMs);
    this.#socket.once(origin.tls ? 'secureConnect' : 'connect', () => {
      this.connected = true;
      this.#events.onConnect(this);
    });
    this.#parser[HTTPParser.kOnHeaders] = () => undefined;
    this.#parser[HTTPParser.kOnHeadersComplete] = (info) => {
      this.#status = info.statusCode;
      this.#xCache = xCacheOf(info.headers);
      this.#keepAlive = info.shouldKeepAlive;
    };
    this.#parser[HTTPParser.kOnBody] = () => undefined;
    this.#parser[HTTPParser.kOnMessageComplete] = () => this.#complete();
    if (origin.tls) this.#socket.on('data', (chunk: Buffer) => this.#parse(chunk, chunk.length));
    this.#socket.on('timeout', () => this.#close('timed out'));
    this.#socket.on('error', (err) => this.#close(err.message));
    this.#socket.on('close', () => this.#close('closed by the server'));
  }

  /** Hands the connection to another owner's events (a connection opened before the phase, see preconnect.ts). */
  rebind(events: ConnectionEvents): void {
    this.#events = events;
  }

  get busy(): boolean {
    return this.#current !== undefined;
  }

  get closed(): boolean {
    return this.#closed;
  }

  send(req: InFlight, bytes: Buffer): void {
    this.#current = req;
    this.#socket.write(bytes);
  }

  /** Ends the connection without reporting its request (the phase is over: counted as cut off). */
  destroy(): void {
    this.#current = undefined;
    this.#closed = true;
    this.#socket.destroy();
  }

  #parse(buf: Buffer, length: number): boolean {
    const r = this.#parser.execute(buf, 0, length);
    if (r instanceof Error) this.#close(`unparseable response: ${r.message}`);
    return true;
  }

  #complete(): void {
    const req = this.#current;
    this.#current = undefined;
    if (!this.#keepAlive) {
      this.#closed = true; // the server said Connection: close; take no further request
      this.#socket.end();
    }
    if (req) this.#events.onResponse(this, req, this.#status, this.#xCache);
  }

  #close(reason: string): void {
    if (this.#closed && this.#current === undefined) return;
    this.#closed = true;
    const req = this.#current;
    this.#current = undefined;
    this.#socket.destroy();
    this.#events.onClose(this, req, reason);
  }
}
