/*
 * OpenConnection reads plain TCP into one buffer shared by every connection (net's `onread`). A response that
 * arrives in pieces, on two connections whose pieces interleave, must still parse into its own status and
 * X-Cache: the parser may keep nothing that points into the shared buffer between reads.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenConnection, type ConnectionEvents, type InFlight } from '../../../harness/drive/open/OpenConnection.ts';
import type { XCache } from '../../../harness/drive/autocannon/createResponseTracker.ts';

// Each response is written as these pieces, with a pause between them so each arrives as its own read.
const RESPONSES: Record<string, string[]> = {
  // Cut inside the status line, inside a header name and inside the X-Cache value.
  a: ['HTTP/1.1 20', '0 OK\r\nContent-Le', 'ngth: 5\r\nX-Cac', 'he: HI', 'T\r\n\r\nhel', 'lo'],
  // Chunked, cut inside a chunk size and inside the terminating chunk.
  b: ['HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\nX-Cache: MISS\r\n\r\n', '3\r\nab', 'c\r\n1', '0\r\n0123456789abcdef\r\n0\r', '\n\r\n'],
  // The server ends the connection after this one.
  c: ['HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 2\r\n', '\r\nno'],
};

describe('OpenConnection', () => {
  let server: net.Server;
  let port = 0;
  beforeAll(async () => {
    server = net.createServer((socket) => {
      socket.setNoDelay(true);
      socket.on('data', (chunk: Buffer) => {
        const which = /GET \/(\w)/.exec(chunk.toString('latin1'))?.[1] ?? 'a';
        void (async () => {
          for (const piece of RESPONSES[which]!) {
            socket.write(piece);
            await sleep(15);
          }
          if (which === 'c') socket.end();
        })();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  function open(): { conn: OpenConnection; results: Array<{ status: number; xCache: XCache | undefined; closed: boolean }>; closes: string[]; connected: Promise<void> } {
    const results: Array<{ status: number; xCache: XCache | undefined; closed: boolean }> = [];
    const closes: string[] = [];
    let onConnect = () => undefined as void;
    const connected = new Promise<void>((resolve) => (onConnect = resolve));
    const events: ConnectionEvents = {
      onConnect: () => onConnect(),
      onResponse: (c, _req, status, xCache) => results.push({ status, xCache, closed: c.closed }),
      onClose: (_c, req, reason) => closes.push(`${reason}${req ? ' (with a request)' : ''}`),
    };
    return { conn: new OpenConnection({ host: '127.0.0.1', port, tls: false }, 5_000, events), results, closes, connected };
  }
  const request = (path: string) => Buffer.from(`GET /${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
  const req = (): InFlight => ({ ep: 0, intendedMs: 0, sentMs: 0 });
  async function until(check: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !check(); i++) await sleep(10);
  }

  it('parses responses that arrive in pieces, on two connections at once, each into its own status and X-Cache', async () => {
    const one = open();
    const two = open();
    await Promise.all([one.connected, two.connected]);
    one.conn.send(req(), request('a'));
    two.conn.send(req(), request('b'));
    await until(() => one.results.length === 1 && two.results.length === 1);
    expect(one.results).toEqual([{ status: 200, xCache: 'HIT', closed: false }]);
    expect(two.results).toEqual([{ status: 404, xCache: 'MISS', closed: false }]);

    // Both connections are reusable: the next response on each parses from a clean state.
    one.conn.send(req(), request('b'));
    two.conn.send(req(), request('a'));
    await until(() => one.results.length === 2 && two.results.length === 2);
    expect(one.results[1]).toEqual({ status: 404, xCache: 'MISS', closed: false });
    expect(two.results[1]).toEqual({ status: 200, xCache: 'HIT', closed: false });
    expect(one.closes.concat(two.closes)).toEqual([]);
    one.conn.destroy();
    two.conn.destroy();
  });

  it('completes a Connection: close response as closed, and does not report the close again', async () => {
    const c = open();
    await c.connected;
    c.conn.send(req(), request('c'));
    await until(() => c.results.length === 1);
    await sleep(100); // the server's FIN arrives meanwhile
    expect(c.results).toEqual([{ status: 503, xCache: undefined, closed: true }]);
    expect(c.closes).toEqual([]); // the phase already knows from onResponse; a second report would count a request twice
  });
});
