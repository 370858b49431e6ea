/*
 * What the open-model driver adds to a run's validity (summary.json `validity.openModel`, capacity.json steps):
 * how much of the schedule it kept, how late it was, and a verdict per window. Documented in README.md here.
 */

/** The per-window validity rule of the open-model driver; each bound failed is a reason in OpenWindow.reasons. */
export interface OpenValidityRule {
  /** Responses completed in the window / arrivals intended in it must be at least this. */
  minAchievedRatio: number;
  /** p99 of (when the driver handled an arrival - when the schedule meant it), ms. */
  maxScheduleLagP99Ms: number;
  /** p99 of the driver's own event-loop delay, ms. */
  maxEventLoopLagP99Ms: number;
  /** Driver CPU, percent of one core (Node drives from one thread). */
  maxDriverCpuPercent: number;
  /** Little's law: |mean in-flight - achieved rate x mean latency| <= rel x the larger + abs. */
  littleRelTolerance: number;
  littleAbsSlack: number;
}

export interface OpenWindow {
  /** Window k covers [k x windowS, (k + 1) x windowS) of the phase, by intended time for arrivals, completion time for responses. */
  index: number;
  startS: number;
  lengthS: number;
  /** Arrivals the schedule intended in the window. */
  offered: number;
  /** Requests written to a socket in the window. */
  sent: number;
  /** Responses (and transport failures) completed in the window. */
  completed: number;
  errors: number;
  /** Requests of this window that waited for a free connection (all connections busy at the maximum). */
  late: number;
  /** Arrivals of this window never sent (queue full, or still queued when the phase ended). */
  dropped: number;
  offeredRps: number;
  achievedRps: number;
  /** achieved / offered; null when nothing was offered. */
  achievedRatio: number | null;
  scheduleLagMs: { p50: number; p99: number; max: number };
  eventLoopLagP99Ms: number | null;
  driverCpuPercent: number | null;
  /** Time-averaged requests in flight (arrived, not completed: queued ones included). */
  inFlightMean: number;
  /** achievedRps x mean latency (s) of the window's completions: what Little's law says inFlightMean should be. */
  littleExpected: number;
  valid: boolean;
  /** Why the window is invalid, one sentence per failed bound (empty when valid). */
  reasons: string[];
}

export interface OpenModelBlock {
  arrivals: 'constant' | 'poisson';
  ratePerSecond: number;
  maxConnections: number;
  windowS: number;
  /** Arrivals intended over the phase (rate x duration for constant arrivals). */
  offered: number;
  sent: number;
  completed: number;
  /** Requests that waited for a connection; their wait is in their latency. */
  late: number;
  /** Arrivals never sent: counted, never hidden. */
  dropped: number;
  /** Requests still in flight when the phase (and its drain) ended: neither answered nor failed. */
  cutOff: number;
  connectionsOpened: number;
  peakConnections: number;
  /**
   * Responses completed by the end of the schedule / offered (as the windows count them): a backlog answered
   * during the drain after the last arrival is in `completed` and in the latencies, but does not flatter this.
   */
  achievedRatio: number | null;
  scheduleLagMs: { p50: number; p99: number; max: number };
  /** Wait for a free connection, over the requests that waited. */
  queueWaitMs: { p99: number; max: number };
  rule: OpenValidityRule;
  windows: OpenWindow[];
  invalidWindows: number;
}
