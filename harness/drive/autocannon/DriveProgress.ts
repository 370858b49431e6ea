/*
 * The live progress a driver reports once per second while a phase runs (the CLI prints it).
 */
export interface DriveProgress {
  phase: 'warmup' | 'measured';
  /** Whole seconds since the phase began. */
  elapsedS: number;
  /** Planned length of the phase; null when it stops after a request count instead. */
  durationS: number | null;
  /** Responses (and failed requests) so far in this phase. */
  requests: number;
  /** Responses in the last second. */
  rps: number;
  /** p95 latency of the last second's responses; null when there were none. */
  p95Ms: number | null;
  errors: number;
}

export function formatProgress(p: DriveProgress): string {
  const of = p.durationS === null ? '' : `/${p.durationS}`;
  const p95 = p.p95Ms === null ? '-' : `${p.p95Ms.toFixed(1)} ms`;
  return `[${p.phase}] ${p.elapsedS}${of} s  requests ${p.requests.toLocaleString('en-US')}  ${Math.round(p.rps).toLocaleString('en-US')} req/s  p95 ${p95}  errors ${p.errors.toLocaleString('en-US')}`;
}
