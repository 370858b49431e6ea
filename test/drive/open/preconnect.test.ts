/*
 * The open driver opens its first connections before the schedule's clock starts (wrk2 does too), so the first
 * arrivals find a warm connection instead of queuing behind a connect burst.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOpenPhase } from '../../../harness/drive/open/runOpenPhase.ts';
import { preconnect, preconnectCount } from '../../../harness/drive/open/preconnect.ts';
import { countingSampler, routeScenario } from '../autocannon/routeScenario.ts';

describe('open driver preconnect', () => {
  let server: http.Server;
  let url = '';
  const events: Array<'connection' | 'request'> = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      events.push('request');
      req.resume();
      res.end('ok');
    });
    server.on('connection', () => events.push('connection'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    [10, 256, 4],
    [200, 256, 4],
    [2_000, 256, 40],
    [5_500, 256, 110],
    [20_000, 256, 256],
    [100, 2, 2],
  ])('at %i/s with at most %i connections opens %i ahead', (rate, max, expected) => {
    expect(preconnectCount(rate, max)).toBe(expected);
  });

  it('connects every preconnected socket before the first request is sent, and the phase uses them', async () => {
    events.length = 0;
    const scenario = routeScenario([{ name: 'pin_public', weight: 1, route: 'ok' }], { kind: 'open', ratePerSecond: 50, connections: 16 });
    const r = await runOpenPhase({ scenario, baseUrl: url, sampler: countingSampler(), phase: 'measured', durationS: 1, ratePerSecond: 50, maxConnections: 16, preconnect: 6 });
    expect(events.indexOf('request')).toBe(6); // six connections, then the first request
    expect(r.openModel.completed).toBe(50);
    expect(r.openModel.peakConnections).toBeGreaterThanOrEqual(6);
    expect(r.openModel.peakConnections).toBeLessThanOrEqual(16);
  });

  it('resolves with no connections, without throwing, when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(preconnect({ host: '127.0.0.1', port, tls: false }, 3, 2_000)).resolves.toEqual([]);
  });
});
