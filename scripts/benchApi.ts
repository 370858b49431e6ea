/*
 * pnpm bench:api [--users N] [--json]: the reference API's hot paths, measured in one run on this machine.
 *
 * 1. Services: DATABASE_URL (else embedded Postgres), REDIS_URL (else a spawned redis-server; no in-process
 *    fallback: the comparison needs a real Redis). Migrate, seed (skipped when the dataset already matches).
 * 2. Cached reads: the API as a child process (port 0, ready on its "listening on" line, logger off), a set of
 *    PIN keys drawn with the seeder's skew and warmed, then autocannon on GET /pin/public/:number rotating
 *    over those keys. The same load goes to a bare Fastify route (own child process) that does one Redis GET
 *    of a value the same size. Runs alternate API, bare, API, bare (--rounds) so drift hits both alike;
 *    each side's figure is the median of its runs (robust to a run hit by other load on the machine), and
 *    ratio = cachedReadRps / bareRedisRouteRps.
 * 3. Writes, for both ack modes in the same run (buffered, then committed; scripts/benchApi/ackModeWrites.ts):
 *    autocannon POSTs for --write-duration at full speed (pipelined) against a fresh API -> events/s and the
 *    POST's p50/p95/p99; then SIGTERM, the API drains, and the rows are counted. eventsAccepted is the number
 *    of 202s the API sent (its own counter); eventsReceived the 202s autocannon read. When autocannon finishes
 *    it closes its connections with up to (pipelining - 1) responses each still in flight, so eventsReceived
 *    can be slightly lower. Either way every 202 must be a row: eventsStored == eventsAccepted >= eventsReceived.
 *    Then the same load on another fresh API, SIGKILL half-way: the 2xx the client received vs the rows stored
 *    (committed must lose none; buffered's loss is reported). The top-level write fields of --json are
 *    ack=buffered's, as before; ackModes holds both modes' figures.
 * The last stdout line with --json is one JSON object. Exit 0 when every target holds, 99 when one does not,
 * 2 on bad usage, 1 on any other failure.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Command, Option } from 'commander';
import { Redis } from 'ioredis';
import { childEnvironment, processSecrets, readProcessEnv } from '../harness/config/readEnv.ts';
import { schemaName, withSchema } from '../harness/migrate/schemaUrl.ts';
import { analyticsWorkload } from '../scenarios/analytics/workload.ts';
import { ScaleproofError } from '../harness/errors/ScaleproofError.ts';
import { migrate } from '../harness/migrate/migrate.ts';
import { apiMetrics } from '../harness/probe/apiMetrics.ts';
import { machineInfo, newRunId } from '../harness/run/machineInfo.ts';
import { onShutdown } from '../harness/run/onShutdown.ts';
import { durationArg, intArg } from '../harness/run/parseArgs.ts';
import { startApi, type ApiProcess } from '../harness/run/startApi.ts';
import { redactText } from '../harness/services/redactUrl.ts';
import { startServices, type Services } from '../harness/services/startServices.ts';
import { buildBareRedisApp } from '../reference-impl/platform/baseline/buildBareRedisApp.ts';
import { EVENT_TYPES } from '../seeders/analytics/eventTypes.ts';
import { createKeySampler } from '../seeders/engine/keySampler.ts';
import { pinNumber } from '../seeders/analytics/pinNumber.ts';
import { seedDataset } from '../seeders/analytics/seedDataset.ts';
import { seedDefaults } from '../seeders/analytics/SeedParameters.ts';
import { exitWithError, parseOrExit } from './cli/exitWithError.ts';
import { deleteRedisPrefix } from '../harness/services/deleteRedisPrefix.ts';
import { flagBounds } from '../harness/run/flagBounds.ts';
import { measureAckMode, type AckMode, type AckModeFigures, type AckModeRun } from './benchApi/ackModeWrites.ts';

// Issue 14: committed accepts >= 50% of buffered's events/s in the same run, and its POST p95 stays in the 800 ms budget.
const TARGETS = { ratio: 0.6, eventsPerSecond: 20_000, committedShareOfBuffered: 0.5, committedP95Ms: 800 } as const;
const secrets = () => processSecrets();
const log = (line: string) => process.stderr.write(`[bench:api] ${redactText(line, secrets())}\n`);


const program = new Command('bench:api')
  .description('Cached-read throughput against a bare Redis route, and analytics write throughput with a stored-vs-accepted check.')
  .option('--users <n>', 'dataset size (users = PINs)', intArg('--users', flagBounds.users.min, flagBounds.users.max), 100_000)
  .option('--events-per-user <n>', 'seeded analytics events per user', intArg('--events-per-user', flagBounds.eventsPerUser.min, flagBounds.eventsPerUser.max), seedDefaults.eventsPerUser)
  .option('--seed <n>', 'dataset and key-sampling seed', intArg('--seed', flagBounds.seed.min, flagBounds.seed.max), seedDefaults.seed)
  .option('--keys <n>', 'warm PIN keys the reads rotate over', intArg('--keys', 1, 100_000), 1000)
  .option('--connections <n>', 'connections for the read runs', intArg('--connections', 1, 10_000), 50)
  .option('--duration <s>', 'measured seconds per read run', durationArg('--duration', 1), 6)
  .option('--warmup <s>', 'unmeasured seconds before each read run', durationArg('--warmup', 0), 2)
  .option('--rounds <n>', 'read runs per target, alternating API and bare route', intArg('--rounds', 1, 20), 5)
  .option('--write-duration <s>', 'seconds of POSTs per write run (each ack mode: one run then SIGTERM, one SIGKILLed half-way)', durationArg('--write-duration', 2), 10)
  // 40 x 50 = 2,000 in flight: above flushMaxEvents (1,000), so batches fill and the size trigger flushes them,
  // as under real load. Below it, committed mode is flushed by the 500 ms tick and its throughput is capped at
  // in-flight / ~0.25 s (500 in flight: ~2,000 events/s).
  .option('--write-connections <n>', 'connections for the write phase', intArg('--write-connections', 1, 10_000), 40)
  .option('--write-pipelining <n>', 'requests in flight per connection in the write phase', intArg('--write-pipelining', 1, 100), 50)
  .option('--json', 'print one JSON object as the last stdout line')
  .addOption(new Option('--serve-bare <key>', 'internal: run the bare Redis route on port 0').hideHelp())
  .exitOverride()
  .configureOutput({ writeErr: () => undefined, outputError: () => undefined });

const opts = parseOrExit<ReturnType<typeof program.opts>>(program, process.argv, secrets());

/** Child mode: the bare route, announced with the same "listening on" line as the API. */
async function serveBare(key: string): Promise<void> {
  const redisUrl = readProcessEnv().redisUrl;
  if (!redisUrl) throw new ScaleproofError('SP_CONFIG', 'the bare route needs REDIS_URL');
  const app = buildBareRedisApp({ redisUrl, key });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`bare redis route listening on ${address}\n`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

async function startBare(redisUrl: string, key: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve-bare', key], {
    env: childEnvironment({ REDIS_URL: redisUrl }), stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m) resolve(m[1]!);
    });
    void exited.then(([code]) => reject(new ScaleproofError('SP_SUT_START', `the bare Redis route exited with code ${code} before it was ready`)));
  });
  return { url, stop: async () => { if (child.exitCode === null) { child.kill('SIGTERM'); await exited; } } };
}

/** Distinct PIN ids drawn with the seeder's skew (hot PINs first), as a dashboard-heavy audience would hit them. */
function pickKeys(users: number, seed: number, count: number): number[] {
  const sampler = createKeySampler({ users, seed, distribution: seedDefaults.distribution });
  const keys = new Set<number>();
  for (let draws = 0; keys.size < Math.min(count, users) && draws < count * 1000; draws++) keys.add(sampler.next());
  return [...keys];
}

/** Each connection walks the requests from its own offset, so connections do not ask for one key in lockstep. */
function rotatingClients(requests: autocannon.Request[], connections: number): (client: autocannon.Client) => void {
  let next = 0;
  const step = Math.max(1, Math.floor(requests.length / connections));
  return (client) => {
    const offset = (next++ * step) % requests.length;
    client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
  };
}

async function drive(url: string, requests: autocannon.Request[], o: { connections: number; pipelining?: number; duration?: number; amount?: number }): Promise<autocannon.Result> {
  return autocannon({
    url, connections: o.connections, pipelining: o.pipelining ?? 1, requests,
    // autocannon cannot swap a pipelined client's requests; pipelined (write) runs walk the list in lockstep.
    ...((o.pipelining ?? 1) === 1 ? { setupClient: rotatingClients(requests, o.connections) } : {}),
    ...(o.amount ? { amount: o.amount } : { duration: o.duration ?? 10 }),
  });
}

const okPerSecond = (r: autocannon.Result) => r['2xx'] / r.duration;

function assertClean(what: string, r: autocannon.Result): void {
  if (r.errors > 0 || r.non2xx > 0) log(`WARNING: ${what}: ${r.errors} connection errors, ${r.non2xx} non-2xx responses (${JSON.stringify(r.statusCodeStats)})`);
}

async function warm(apiUrl: string, paths: string[]): Promise<number> {
  let hits = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < paths.length; i += 50) {
      const batch = await Promise.all(paths.slice(i, i + 50).map(async (p) => {
        const res = await fetch(apiUrl + p);
        await res.arrayBuffer();
        if (res.status !== 200) throw new ScaleproofError('SP_SUT_START', `warming ${p} answered ${res.status}; is the dataset seeded?`);
        return res.headers.get('x-cache') === 'HIT';
      }));
      if (pass === 1) hits += batch.filter(Boolean).length;
    }
  }
  return hits;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

async function main(): Promise<void> {
  if (opts.serveBare) return serveBare(String(opts.serveBare));
  const env = readProcessEnv(analyticsWorkload.env);
  const runId = newRunId();
  const prefix = `bench:api:${runId}:`;
  let services: Services | undefined;
  let api: ApiProcess | undefined;
  let bare: { stop(): Promise<void> } | undefined;
  const cleanup = async () => {
    await bare?.stop().catch(() => undefined);
    await api?.stop(60_000).catch(() => undefined);
    if (services?.redis.url) await deleteRedisPrefix(services.redis.url, prefix).catch(() => undefined);
    await services?.stopAll();
  };
  onShutdown(cleanup);
  try {
    services = await startServices({ databaseUrl: env.databaseUrl, redisUrl: env.redisUrl, dataDir: env.dataDir, pathVar: env.pathVar, log });
    const redisUrl = services.redis.url;
    if (!redisUrl) throw new ScaleproofError('SP_REDIS_UNREACHABLE', 'bench:api compares the API with a bare Redis route and needs a real Redis: set REDIS_URL or put redis-server on PATH.');
    // The analytics workload's optimized schema, as `pnpm bench:analytics` uses it.
    const databaseUrl = withSchema(services.postgres.url, schemaName('analytics', 'optimized'));
    await migrate(databaseUrl, analyticsWorkload.variants.optimized!.migrations);
    const seeded = await seedDataset({ databaseUrl, users: opts.users, eventsPerUser: opts.eventsPerUser, seed: opts.seed, log, progress: process.stderr.isTTY === true });

    const apiEntry = fileURLToPath(new URL('./api.ts', import.meta.url));
    const apiEnv = {
      ...childEnvironment(), DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, PORT: '0', HOST: '127.0.0.1', SCALEPROOF_LOG_LEVEL: 'silent',
      SCALEPROOF_REDIS_PREFIX: prefix, SCALEPROOF_MV_REFRESH_INTERVAL_S: '0', SCALEPROOF_MIGRATE_ON_START: '0',
      // Keys stay warm for the whole run: this measures the hit path, not the 60 s expiry.
      SCALEPROOF_PIN_TTL_S: '3600',
    };
    api = await startApi({ entry: apiEntry, args: ['analytics', '--variant', 'optimized'], env: apiEnv });
    const keys = pickKeys(opts.users, opts.seed, opts.keys);
    const readRequests: autocannon.Request[] = keys.map((id) => ({ method: 'GET', path: `/pin/public/${pinNumber(id)}` }));
    const warmHits = await warm(api.url, readRequests.map((r) => r.path!));
    log(`warmed ${keys.length} keys; second pass: ${warmHits} X-Cache HITs`);

    // The bare route reads one value as large as a cached PIN entry (ETag + body), stored beside them.
    const r = new Redis(redisUrl);
    const sample = await r.get(`${prefix}pin:${pinNumber(keys[0]!)}`);
    await r.set(`${prefix}bare`, sample ?? '{}');
    r.disconnect();
    const bareProc = await startBare(redisUrl, `${prefix}bare`);
    bare = bareProc;

    const apiRps: number[] = [];
    const bareRps: number[] = [];
    // A longer unmeasured run per target first, so JIT compilation is done before any measured round.
    const jitWarmupS = Math.max(5, opts.warmup * 2);
    for (const url of [api.url, bareProc.url]) await drive(url, readRequests, { connections: opts.connections, duration: jitWarmupS });
    const before = await apiMetrics(api.url);
    for (let round = 0; round < opts.rounds; round++) {
      for (const [name, url, into] of [['api', api.url, apiRps], ['bare', bareProc.url, bareRps]] as const) {
        if (opts.warmup > 0) await drive(url, readRequests, { connections: opts.connections, duration: opts.warmup });
        const res = await drive(url, readRequests, { connections: opts.connections, duration: opts.duration });
        assertClean(`${name} read run ${round + 1}`, res);
        into.push(okPerSecond(res));
        log(`round ${round + 1} ${name}: ${fmt(okPerSecond(res))} req/s, p99 ${res.latency.p99} ms`);
      }
    }
    const after = await apiMetrics(api.url);
    await bareProc.stop();
    bare = undefined;
    const hits = after.cacheHits - before.cacheHits;
    const misses = after.cacheMisses - before.cacheMisses;
    const cachedReadRps = median(apiRps);
    const bareRedisRouteRps = median(bareRps);
    const ratio = cachedReadRps / bareRedisRouteRps;

    await api.stop(60_000); // the read API; each write run gets a fresh one with its ack mode
    api = undefined;

    // Writes, per ack mode in the same run: throughput + SIGTERM, then SIGKILL mid-burst (scripts/benchApi/ackModeWrites.ts).
    const writeRequests: autocannon.Request[] = Array.from({ length: 500 }, (_, i) => ({
      method: 'POST', path: `/pins/${pinNumber(keys[i % keys.length]!)}/events`,
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ event_type: EVENT_TYPES[i % EVENT_TYPES.length] }),
    }));
    const writeRun: AckModeRun = {
      databaseUrl, requests: writeRequests, connections: opts.writeConnections, pipelining: opts.writePipelining, durationS: opts.writeDuration, log,
      start: async (mode) => (api = await startApi({ entry: apiEntry, args: ['analytics', '--variant', 'optimized'], env: { ...apiEnv, SCALEPROOF_ACK_MODE: mode } })),
    };
    const figures: Record<AckMode, AckModeFigures> = {
      buffered: await measureAckMode('buffered', writeRun),
      committed: await measureAckMode('committed', writeRun),
    };
    api = undefined;
    const buffered = figures.buffered;
    const committed = figures.committed;
    const eventsPerSecond = buffered.eventsPerSecond;
    const committedShare = committed.eventsPerSecond / Math.max(1, buffered.eventsPerSecond);

    const m = machineInfo();
    // Every 202 must be a row. buffered: stored == accepted (all accepted events were in memory when the counter
    // was read). committed: the requests still in flight when autocannon stops are committed by the drain after
    // the counter was read, without a 202 counted, so stored >= accepted.
    const storedAfterSigterm = (f: AckModeFigures) =>
      (f.mode === 'buffered' ? f.sigterm.eventsStored === f.sigterm.eventsAccepted : f.sigterm.eventsStored >= f.sigterm.eventsAccepted) &&
      f.sigterm.eventsReceived <= f.sigterm.eventsAccepted && f.sigterm.apiExitCode === 0;
    const ok = {
      ratio: ratio >= TARGETS.ratio,
      eps: eventsPerSecond >= TARGETS.eventsPerSecond,
      stored: storedAfterSigterm(buffered) && storedAfterSigterm(committed),
      committedShare: committedShare >= TARGETS.committedShareOfBuffered,
      committedP95: committed.latencyMs.p95 < TARGETS.committedP95Ms,
      committedKill: committed.sigkill.ackedLost === 0,
    };
    const pass = Object.values(ok).every(Boolean);
    const method = `autocannon 8 in the bench process, API and bare route in child processes; reads: ${opts.connections} connections, pipelining 1, one ${Math.max(5, opts.warmup * 2)} s unmeasured run per target, then ${opts.rounds} alternating rounds x ${opts.duration} s per target after ${opts.warmup} s warm-up each, median of the rounds, ${keys.length} warm keys (seeder's zipf skew, pin TTL raised to 1 h) rotated per connection; writes, per ack mode (buffered, then committed), each on a fresh API: ${opts.writeDuration} s of POSTs, ${opts.writeConnections} connections x pipelining ${opts.writePipelining} = ${opts.writeConnections * opts.writePipelining} in flight (flush every 500 ms or at 1000 events), then SIGTERM and count rows; then the same load on a fresh API, SIGKILL after ${opts.writeDuration / 2} s, 2xx received vs rows stored`;
    const rows: Array<[string, string]> = [
      ['machine', `${m.cpus} x ${m.cpuModel}, ${m.os}, Node ${m.node}`],
      ['services', `Postgres ${services.postgres.serverVersion} (${services.postgres.kind}), Redis ${services.redis.serverVersion ?? '?'} (${services.redis.kind})`],
      ['dataset', `${fmt(opts.users)} users x ${opts.eventsPerUser} events, seed ${opts.seed} (${seeded.skipped ? 'already seeded' : `seeded in ${fmt(seeded.wallSeconds, 1)} s`})`],
      ['method', method],
      ['cached read (API)', `${fmt(cachedReadRps)} req/s median  [runs: ${apiRps.map((x) => fmt(x)).join(', ')}]  cache hits ${fmt(hits)}, misses ${fmt(misses)}`],
      ['bare Redis route', `${fmt(bareRedisRouteRps)} req/s median  [runs: ${bareRps.map((x) => fmt(x)).join(', ')}]`],
      ['ratio', `${fmt(ratio, 2)}  (target >= ${TARGETS.ratio})  ${verdict(ok.ratio)}  [per round: ${apiRps.map((a, i) => fmt(a / bareRps[i]!, 2)).join(', ')}]`],
      ...(['buffered', 'committed'] as const).flatMap((mode): Array<[string, string]> => {
        const f = figures[mode];
        return [
          [`ack=${mode} accepted`, `${fmt(f.eventsPerSecond)} events/s (x 202 received / s); POST p50 ${fmt(f.latencyMs.p50, 1)} ms, p95 ${fmt(f.latencyMs.p95, 1)} ms, p99 ${fmt(f.latencyMs.p99, 1)} ms; non-2xx ${f.non2xx}, errors ${f.errors}`],
          [`ack=${mode} SIGTERM`, `${fmt(f.sigterm.eventsStored)} stored vs ${fmt(f.sigterm.eventsAccepted)} x 202 sent by the API (${fmt(f.sigterm.eventsReceived)} received; drain ${fmt(f.sigterm.drainSeconds, 1)} s, exit ${f.sigterm.apiExitCode})  (target stored ${f.mode === 'buffered' ? '==' : '>='} accepted)  ${verdict(storedAfterSigterm(f))}`],
          [`ack=${mode} SIGKILL`, `eventsAccepted ${fmt(f.sigkill.eventsAccepted)} (2xx received) vs eventsStored ${fmt(f.sigkill.eventsStored)} after SIGKILL at ${f.sigkill.killedAfterS} s: ${fmt(f.sigkill.ackedLost)} acknowledged events lost${mode === 'committed' ? `  (target 0)  ${verdict(ok.committedKill)}` : ' (the plan\'s risk, reported)'}`],
        ];
      }),
      ['buffered events/s', `${fmt(eventsPerSecond)}/s  (target >= ${fmt(TARGETS.eventsPerSecond)}/s)  ${verdict(ok.eps)}`],
      ['committed vs buffered', `${fmt(committedShare * 100, 0)}% of buffered's events/s  (target >= ${TARGETS.committedShareOfBuffered * 100}%)  ${verdict(ok.committedShare)}; committed POST p95 ${fmt(committed.latencyMs.p95, 1)} ms  (target < ${TARGETS.committedP95Ms} ms)  ${verdict(ok.committedP95)}`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
    if (opts.json) {
      process.stdout.write(JSON.stringify({
        cachedReadRps: Math.round(cachedReadRps), bareRedisRouteRps: Math.round(bareRedisRouteRps), ratio: Number(ratio.toFixed(3)),
        eventsPerSecond: Math.round(eventsPerSecond), eventsAccepted: buffered.sigterm.eventsAccepted, eventsReceived: buffered.sigterm.eventsReceived,
        eventsStored: buffered.sigterm.eventsStored, drainSeconds: buffered.sigterm.drainSeconds, apiExitCode: buffered.sigterm.apiExitCode,
        ackModes: figures, committedShareOfBuffered: Number(committedShare.toFixed(3)),
        cacheHits: hits, cacheMisses: misses, readRuns: { api: apiRps.map(Math.round), bare: bareRps.map(Math.round) },
        targets: TARGETS, pass,
        machine: { cpus: m.cpus, cpuModel: m.cpuModel, node: m.node }, users: opts.users, method,
      }) + '\n');
    }
    await cleanup();
    process.exit(pass ? 0 : 99);
  } catch (err) {
    await cleanup().catch(() => undefined);
    throw err;
  }
}

main().catch((err: unknown) => exitWithError(err, secrets()));
