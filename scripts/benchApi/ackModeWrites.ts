/*
 * bench:api's write phase for one ack mode (issue 14), against a fresh API child each time:
 * 1. Throughput: autocannon POSTs for a fixed time at full speed (pipelined) -> 202s received per second and the
 *    POST's p50/p95/p99; then SIGTERM (the API drains) and the rows are counted: stored == accepted by the API.
 * 2. Crash: the same load on a fresh API, SIGKILL half-way through, then the 2xx the client received are
 *    compared with the rows in pin_analytics. Counted by the window of created_at of this phase only (phases run
 *    one after the other and each API is gone before the count), so no other rows enter it.
 */
import autocannon from 'autocannon';
import pg from 'pg';
import type { ApiProcess } from '../../harness/run/startApi.ts';

export type AckMode = 'buffered' | 'committed';

export interface AckModeFigures {
  mode: AckMode;
  eventsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  non2xx: number;
  errors: number;
  /** After SIGTERM: 202s the API counted, rows stored, the API's exit code. */
  sigterm: { eventsAccepted: number; eventsReceived: number; eventsStored: number; drainSeconds: number; apiExitCode: number | null };
  /** After SIGKILL mid-burst: 2xx the client received vs rows stored. */
  sigkill: { eventsAccepted: number; eventsStored: number; ackedLost: number; killedAfterS: number };
}

export interface AckModeRun {
  databaseUrl: string;
  start(mode: AckMode): Promise<ApiProcess>;
  requests: autocannon.Request[];
  connections: number;
  pipelining: number;
  durationS: number;
  log(line: string): void;
}

export async function measureAckMode(mode: AckMode, run: AckModeRun): Promise<AckModeFigures> {
  // 1. Throughput, then SIGTERM.
  let api = await run.start(mode);
  let since = new Date(Date.now() - 1000);
  let rowsBefore = await countRows(run.databaseUrl, since);
  const acceptedBefore = await eventsAcceptedByServer(api.url);
  const burst = await drive(api.url, run, undefined);
  const eventsReceived = burst.result.statusCodeStats?.['202']?.count ?? 0;
  const eventsAccepted = (await eventsAcceptedByServer(api.url)) - acceptedBefore;
  const drainStarted = performance.now();
  const apiExitCode = await api.stop(120_000);
  const drainSeconds = (performance.now() - drainStarted) / 1000;
  const eventsStored = (await countRows(run.databaseUrl, since)) - rowsBefore;
  run.log(`ack=${mode}: ${eventsReceived} x 202 in ${burst.result.duration} s, p95 ${burst.latencyMs.p95} ms; ${eventsStored} stored after SIGTERM`);

  // 2. The same load, SIGKILL half-way.
  api = await run.start(mode);
  since = new Date(Date.now() - 1000);
  rowsBefore = await countRows(run.databaseUrl, since);
  const killedAfterS = run.durationS / 2;
  const crash = await drive(api.url, run, { afterS: killedAfterS, api });
  // A COPY whose CopyDone reached Postgres before the kill commits anyway; give its backend a moment to finish.
  await new Promise((r) => setTimeout(r, 1000));
  const killStored = (await countRows(run.databaseUrl, since)) - rowsBefore;
  run.log(`ack=${mode}: SIGKILL after ${killedAfterS} s: ${crash.ok} x 2xx received, ${killStored} stored`);

  return {
    mode,
    eventsPerSecond: Math.round(eventsReceived / burst.result.duration),
    latencyMs: burst.latencyMs,
    non2xx: burst.result.non2xx,
    errors: burst.result.errors,
    sigterm: { eventsAccepted, eventsReceived, eventsStored, drainSeconds: Number(drainSeconds.toFixed(2)), apiExitCode },
    sigkill: { eventsAccepted: crash.ok, eventsStored: killStored, ackedLost: Math.max(0, crash.ok - killStored), killedAfterS },
  };
}

/** One autocannon run; with `kill`, SIGKILL the API at afterS and stop the clients right after. */
function drive(url: string, run: AckModeRun, kill: { afterS: number; api: ApiProcess } | undefined): Promise<{ result: autocannon.Result; ok: number; latencyMs: AckModeFigures['latencyMs'] }> {
  return new Promise((resolve, reject) => {
    let ok = 0;
    let timer: NodeJS.Timeout | undefined;
    const instance = autocannon({
      url, connections: run.connections, pipelining: run.pipelining, requests: run.requests, duration: run.durationS,
    }, (err, result) => {
      clearTimeout(timer);
      if (err) return reject(err);
      // autocannon's summary has p97.5, not p95: the percentiles come from every response time, sorted.
      latencies.sort((a, b) => a - b);
      const at = (q: number) => (latencies.length ? Number(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!.toFixed(2)) : 0);
      resolve({ result, ok, latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99) } });
    });
    const latencies: number[] = [];
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) ok++;
      latencies.push(responseTime);
    });
    if (kill) {
      timer = setTimeout(() => {
        // The 2xx counted so far are what the client was told; responses after the kill cannot arrive.
        void kill.api.kill().then(() => instance.stop());
      }, kill.afterS * 1000);
    }
  });
}

async function countRows(databaseUrl: string, since: Date): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM pin_analytics WHERE created_at >= $1', [since])).rows[0]?.n ?? 0);
  } finally {
    await c.end();
  }
}

async function eventsAcceptedByServer(apiUrl: string): Promise<number> {
  const text = await (await fetch(`${apiUrl}/metrics`)).text();
  return Number(/^scaleproof_events_accepted_total (\S+)$/m.exec(text)?.[1] ?? NaN);
}
