/*
 * One phase of open-model load (wrk2's idea, in the harness's own recorder): arrivals follow a schedule fixed in
 * advance (arrivalSchedule.ts), never the responses, and each request's latency runs from its INTENDED send
 * time. A stalled server therefore shows in the percentiles instead of the generator quietly sending less.
 *
 * Connections (keep-alive sockets, one request each) are opened as arrivals need them, up to maxConnections.
 * With all of them busy an arrival waits in a FIFO and its wait is part of its latency ("late"); the FIFO is still
 * served during the drain after the last arrival. Past maxQueue, or still waiting when the drain ends, an arrival
 * is "dropped": counted per window, never hidden.
 * Endpoints, keys, request bytes, the per-endpoint HDR recorder and X-Cache are the closed driver's.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Scenario } from '../../../scenarios/Scenario.ts';
import type { EndpointSummary } from '../../model/RunSummary.ts';
import type { OpenModelBlock, OpenValidityRule } from '../../model/OpenModelBlock.ts';
import { LatencyRecorder, type ResponseSample } from '../LatencyRecorder.ts';
import { createHistogram, recordMs } from '../latencyHistogram.ts';
import { createEndpointPicker } from '../autocannon/createEndpointPicker.ts';
import { requestBuffers, type KeySampler, type XCache } from '../autocannon/createResponseTracker.ts';
import { createSaturationMonitor, type SaturationReport } from '../autocannon/createSaturationMonitor.ts';
import { fixedHeaderLines } from '../autocannon/serializeRequest.ts';
import { PHASE_HEADER, PHASE_SALT, type Phase } from '../autocannon/runAutocannonPhase.ts';
import { validatePhaseOptions } from '../autocannon/validatePhaseOptions.ts';
import type { DriveProgress } from '../autocannon/DriveProgress.ts';
import { RecentLatencies } from '../autocannon/RecentLatencies.ts';
import { createArrivalSchedule, type ArrivalProcess } from './arrivalSchedule.ts';
import { FifoQueue } from './FifoQueue.ts';
import { preconnect, preconnectCount } from './preconnect.ts';
import { OpenConnection, type InFlight } from './OpenConnection.ts';
import { OPEN_VALIDITY_RULE, OpenWindowStats } from './OpenWindowStats.ts';

export interface OpenPhaseOptions {
  scenario: Scenario;
  baseUrl: string;
  sampler: KeySampler;
  phase: Phase;
  durationS: number;
  ratePerSecond: number;
  maxConnections: number;
  /** Default constant. */
  arrivals?: ArrivalProcess | undefined;
  /** Seed of the Poisson gaps; default the scenario's key seed. */
  arrivalSeed?: number | undefined;
  /** Validity window length (s); default 1. */
  windowS?: number | undefined;
  /** A request with no response for this long fails as a transport error; default 10. */
  timeoutS?: number | undefined;
  /** How long sent requests may still complete after the last arrival; default min(timeoutS, 5). */
  drainS?: number | undefined;
  /** Connections opened before the schedule starts; default preconnectCount(rate, maxConnections). */
  preconnect?: number | undefined;
  /** Arrivals allowed to wait for a connection; more are dropped. Default 100,000. */
  maxQueue?: number | undefined;
  rule?: Partial<OpenValidityRule> | undefined;
  onProgress?: ((p: DriveProgress) => void) | undefined;
  /** Once a second, with the live recorder (capacity search judges windows as they close). */
  onTick?: ((elapsedS: number, recorder: LatencyRecorder) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface OpenPhaseResult {
  phase: Phase;
  /** Length of the arrival schedule actually run (s): the duration, or less when aborted. */
  durationS: number;
  endpoints: Record<string, EndpointSummary>;
  totals: EndpointSummary;
  /** The live recorder, for summaries over part of the phase (LatencyRecorder.summarizeSeconds). */
  recorder: LatencyRecorder;
  openModel: OpenModelBlock;
  saturation: SaturationReport;
  /** Same as openModel.dropped, in the closed driver's field. */
  droppedIterations: number;
  cutOff: number;
  notes: string[];
}

/*
 * Sockets being opened at once, at most: MIN_CONNECTING, or a quarter of the connections already open (so a
 * target that really needs hundreds still gets them within a few connect round trips). Without a bound, one
 * hiccup (a GC pause, the target descheduled) left every arrival of those milliseconds without an idle
 * connection and each opened its own: hundreds of connects at once cost the generator tens of milliseconds,
 * made it later still and pushed the target into a backlog it did not have. Past the bound an arrival waits in
 * the FIFO for whichever connection frees (or connects) first, and that wait counts in its latency.
 */
const MIN_CONNECTING = 4;

/*
 * Waking up for the next arrival. Node's timers have 1 ms granularity (and libuv's clock is cached per loop
 * turn), so an arrival woken by a timer left up to a millisecond or two late whenever the loop was idle. A wait
 * shorter than FINE_WAIT_MS is done precisely instead, with Atomics.wait (the thread sleeps: an idle generator
 * does not burn its core, and its CPU figure stays meaningful):
 * - nothing in flight and no socket connecting: no response can arrive, so one sleep to the arrival's time;
 * - otherwise steps of setImmediate (the loop polls the sockets without blocking) and a sleep of at most
 *   FINE_STEP_MS, so a response that lands meanwhile is read at most FINE_STEP_MS late.
 * Longer waits sleep on a timer to about that distance first.
 */
const FINE_WAIT_MS = 2;
const FINE_STEP_MS = 0.05;
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

interface Waiting {
  req: InFlight;
  bytes: Buffer;
}

export async function runOpenPhase(opts: OpenPhaseOptions): Promise<OpenPhaseResult> {
  const load = { kind: 'open' as const, ratePerSecond: opts.ratePerSecond, connections: opts.maxConnections };
  const { host, pathPrefix } = validatePhaseOptions(opts, { ...load, ratePerSecond: Math.max(1, Math.round(opts.ratePerSecond)) });
  const url = new URL(opts.baseUrl);
  const origin = { host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)), tls: url.protocol === 'https:' };
  const rule: OpenValidityRule = { ...OPEN_VALIDITY_RULE, ...opts.rule };
  const arrivals = opts.arrivals ?? 'constant';
  const windowS = opts.windowS ?? 1;
  const timeoutMs = (opts.timeoutS ?? 10) * 1000;
  const drainMs = (opts.drainS ?? Math.min(opts.timeoutS ?? 10, 5)) * 1000;
  const maxQueue = opts.maxQueue ?? 100_000;
  const endpoints = opts.scenario.endpoints;
  const names = endpoints.map((e) => e.name);
  const expected = endpoints.map((e) => e.expectedStatuses);
  const picker = createEndpointPicker(endpoints.map((e) => e.weight), (opts.scenario.keys.seed ^ PHASE_SALT[opts.phase]) >>> 0);
  const requestBuffer = requestBuffers(endpoints, pathPrefix, fixedHeaderLines(host, { [PHASE_HEADER]: opts.phase }));
  const schedule = createArrivalSchedule({ process: arrivals, ratePerSecond: opts.ratePerSecond, seed: opts.arrivalSeed ?? opts.scenario.keys.seed });

  // Before the clock starts: the first arrivals find warm connections (preconnect.ts).
  const warm = await preconnect(origin, opts.preconnect ?? preconnectCount(opts.ratePerSecond, opts.maxConnections), timeoutMs);
  const startEpochMs = Date.now();
  const t0 = performance.now();
  const epochAtPerfZero = startEpochMs - t0;
  const recorder = new LatencyRecorder(startEpochMs);
  const recent = new RecentLatencies();
  const stats = new OpenWindowStats(windowS);
  const lagAll = createHistogram();
  const queueWait = createHistogram();
  const sample: ResponseSample = { endpoint: '', status: 0, latencyMs: 0, atMs: 0, failed: false, xCache: undefined };
  const closeReasons = new Map<string, number>();

  const conns = new Set<OpenConnection>();
  const idle: OpenConnection[] = [];
  const queue = new FifoQueue<Waiting>();
  let offered = 0;
  let sent = 0;
  let completed = 0;
  let completedInSchedule = 0;
  let late = 0;
  let dropped = 0;
  let onSockets = 0;
  let opened = 0;
  let connecting = 0;
  let peak = 0;
  let durationMs = opts.durationS * 1000;
  let arrivalsDone = false;
  let nextDue = schedule.next();
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let drainTimer: NodeJS.Timeout | undefined;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));

  const settle = (req: InFlight, status: number, xCache: XCache | undefined, now: number) => {
    const latencyMs = now - req.intendedMs;
    sample.endpoint = names[req.ep]!;
    sample.status = status;
    sample.latencyMs = latencyMs;
    sample.atMs = epochAtPerfZero + now;
    sample.failed = status === 0 || !expected[req.ep]!.includes(status);
    sample.xCache = xCache;
    recorder.record(sample);
    recent.add(latencyMs);
    // Windows cover the schedule only: completions during the drain after the last arrival are recorded
    // (latency, counts) but do not flatter the last window's achieved rate.
    if (!arrivalsDone) {
      const w = stats.at(now - t0);
      w.completed++;
      w.latencySumMs += latencyMs;
      if (sample.failed) w.errors++;
      stats.inFlight(now - t0, -1);
      if (now - t0 < durationMs) completedInSchedule++;
    }
    completed++;
    onSockets--;
  };

  const write = (conn: OpenConnection, req: InFlight, bytes: Buffer, now: number) => {
    req.sentMs = now;
    sent++;
    onSockets++;
    stats.at(now - t0).sent++;
    conn.send(req, bytes);
  };

  const freeConnection = (): OpenConnection | undefined => {
    while (idle.length > 0) {
      const c = idle.pop()!;
      if (!c.closed) return c;
    }
    if (conns.size >= opts.maxConnections || connecting >= Math.max(MIN_CONNECTING, conns.size >> 2)) return undefined;
    const c = new OpenConnection(origin, timeoutMs, events);
    conns.add(c);
    opened++;
    connecting++;
    peak = Math.max(peak, conns.size);
    return c;
  };

  const serveQueue = (now: number) => {
    while (queue.length > 0) {
      const c = freeConnection();
      if (!c) return;
      const w = queue.shift()!;
      recordMs(queueWait, now - w.req.intendedMs);
      write(c, w.req, w.bytes, now);
    }
  };

  const events = {
    onConnect() {
      connecting--;
      // Room to open another: a waiting arrival takes it (or an idle connection, whichever comes first).
      if (queue.length > 0) serveQueue(performance.now());
    },
    onResponse(conn: OpenConnection, req: InFlight, status: number, xCache: XCache | undefined) {
      const now = performance.now();
      settle(req, status, xCache, now);
      if (conn.closed) conns.delete(conn);
      else idle.push(conn);
      serveQueue(now);
      if (!arrivalsDone) pump();
      else if (onSockets === 0 && queue.length === 0) finished();
    },
    onClose(conn: OpenConnection, req: InFlight | undefined, reason: string) {
      conns.delete(conn);
      if (!conn.connected) connecting--;
      closeReasons.set(reason, (closeReasons.get(reason) ?? 0) + 1);
      const now = performance.now();
      if (req) settle(req, 0, undefined, now);
      serveQueue(now);
      if (arrivalsDone && onSockets === 0 && queue.length === 0) finished();
    },
  };

  for (const c of warm) {
    if (c.closed) continue; // closed by the server between its connect and now
    c.rebind(events);
    conns.add(c);
    idle.push(c);
  }
  opened += conns.size;
  peak = conns.size;

  const arrive = (intendedT: number) => {
    offered++;
    const ep = picker.next();
    const bytes = requestBuffer(ep, opts.sampler.next());
    const c = queue.length === 0 ? freeConnection() : undefined;
    // Schedule lag ends when the arrival leaves the generator: its bytes handed to the socket right below, or,
    // with every connection busy, the arrival handed to the FIFO (that wait is the target's, counted as queue
    // wait and in the latency, which still runs from the intended time).
    const now = performance.now();
    const t = now - t0;
    const lag = t - intendedT;
    recordMs(lagAll, lag);
    stats.recordLag(intendedT, lag);
    stats.inFlight(t, +1);
    const req: InFlight = { ep, intendedMs: t0 + intendedT, sentMs: 0 };
    if (c) return write(c, req, bytes, now);
    if (queue.length >= maxQueue) {
      dropped++;
      stats.at(intendedT).dropped++;
      stats.inFlight(t, -1);
      return;
    }
    late++;
    stats.at(intendedT).late++;
    queue.push({ req, bytes });
  };

  const endArrivals = (atT: number) => {
    if (arrivalsDone) return;
    arrivalsDone = true;
    durationMs = Math.min(durationMs, atT);
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    stats.inFlight(atT, 0); // integrate in-flight up to the end of the schedule; nothing after it counts
    // Arrivals still waiting for a connection are sent as connections free up during the drain (their latency
    // still runs from their intended time); what is left when the drain ends is dropped below.
    if (onSockets === 0 && queue.length === 0) finished();
    else drainTimer = setTimeout(finished, drainMs);
  };

  function pump(): void {
    // The clock is read again after each send: arrivals that fell due while sending go out in the same wake-up.
    let t = performance.now() - t0;
    while (nextDue <= t && nextDue < durationMs) {
      arrive(nextDue);
      nextDue = schedule.next();
      t = performance.now() - t0;
    }
    if (t >= durationMs) return endArrivals(durationMs);
    if (timer || immediate) return; // a wake-up is already set, for this arrival or an earlier one
    const delay = Math.min(nextDue, durationMs) - t;
    if (delay >= FINE_WAIT_MS) timer = setTimeout(onTimer, Math.floor(delay) - 1);
    else immediate = setImmediate(onFineStep);
  }

  function onTimer(): void {
    timer = undefined;
    pump();
  }

  function onFineStep(): void {
    immediate = undefined;
    const ahead = Math.min(nextDue, durationMs) - (performance.now() - t0);
    if (ahead > 0.01) Atomics.wait(sleepCell, 0, 0, onSockets === 0 && connecting === 0 ? ahead : Math.min(ahead, FINE_STEP_MS));
    pump();
  }

  const monitor = createSaturationMonitor();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let lastCpu = process.cpuUsage();
  let lastWinMs = t0;
  const windowTicker = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const cpuPct = ((cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000 / Math.max(1, now - lastWinMs)) * 100;
    stats.resources(Math.round((now - t0) / stats.windowMs) * stats.windowMs, loop.count > 0 ? loop.percentile(99) / 1e6 : 0, cpuPct);
    loop.reset();
    lastCpu = cpu;
    lastWinMs = now;
  }, windowS * 1000);
  let elapsedS = 0;
  const ticker = setInterval(() => {
    monitor.sample();
    elapsedS++;
    const rps = recent.count;
    opts.onProgress?.({ phase: opts.phase, elapsedS, durationS: opts.durationS, requests: recorder.requests, rps, p95Ms: recent.take(95), errors: recorder.errors });
    opts.onTick?.(elapsedS, recorder);
  }, 1000);
  const onAbort = () => endArrivals(performance.now() - t0);
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    if (!arrivalsDone) pump();
    await done;
  } finally {
    clearInterval(ticker);
    clearInterval(windowTicker);
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    if (drainTimer) clearTimeout(drainTimer);
    opts.signal?.removeEventListener('abort', onAbort);
    loop.disable();
  }
  const cutOff = onSockets;
  // Still waiting for a connection when the drain ended: never sent.
  for (const w of queue.drain()) {
    dropped++;
    stats.at(w.req.intendedMs - t0).dropped++;
  }
  for (const c of conns) c.destroy();
  const saturation = monitor.stop();
  const windows = stats.finish(durationMs, rule);
  const durationS = durationMs / 1000;
  const { endpoints: perEndpoint, totals } = recorder.summarize(durationS);
  const ms = (us: number) => Math.round(us) / 1000;
  const openModel: OpenModelBlock = {
    arrivals,
    ratePerSecond: opts.ratePerSecond,
    maxConnections: opts.maxConnections,
    windowS,
    offered,
    sent,
    completed,
    late,
    dropped,
    cutOff,
    connectionsOpened: opened,
    peakConnections: peak,
    achievedRatio: offered > 0 ? Math.round((completedInSchedule / offered) * 1000) / 1000 : null,
    scheduleLagMs: { p50: ms(lagAll.getValueAtPercentile(50)), p99: ms(lagAll.getValueAtPercentile(99)), max: ms(lagAll.maxValue) },
    queueWaitMs: { p99: ms(queueWait.getValueAtPercentile(99)), max: ms(queueWait.maxValue) },
    rule,
    windows,
    invalidWindows: windows.filter((w) => !w.valid).length,
  };
  const notes: string[] = [];
  if (dropped > 0) notes.push(`${opts.phase}: open model dropped ${dropped} of ${offered} arrivals (never sent: ${opts.maxConnections} connections busy and the queue full, or still waiting for a connection when the drain ended)`);
  if (late > 0) notes.push(`${opts.phase}: ${late} requests waited for a free connection (wait p99 ${openModel.queueWaitMs.p99} ms), counted in their latency`);
  if (cutOff > 0) notes.push(`${opts.phase}: ${cutOff} requests still in flight ${drainMs / 1000} s after the last arrival were cut off (not recorded)`);
  if (openModel.invalidWindows > 0) notes.push(`${opts.phase}: ${openModel.invalidWindows} of ${windows.length} open-model windows invalid: ${windows.find((w) => !w.valid)!.reasons.join('; ')}`);
  for (const [reason, n] of closeReasons) if (reason !== 'closed by the server' || n > opened / 10) notes.push(`${opts.phase}: ${n} connections ended: ${reason}`);
  return { phase: opts.phase, durationS, endpoints: perEndpoint, totals, recorder, openModel, saturation, droppedIterations: dropped, cutOff, notes };
}
