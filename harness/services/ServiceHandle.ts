/* What every service starter returns: how it was provided, where it is, and how to stop what we started. */
export interface ServiceHandle<K extends string> {
  kind: K;
  /** Connection URL; may hold a password, so print it only through redactUrl. */
  url: string | undefined;
  /** PID of a process the harness started, for the no-orphans check. */
  pid?: number | undefined;
  /** Stops what the harness started; a no-op for external services. Safe to call twice. */
  stop(): Promise<void>;
  /** Services the harness started: take it down and bring it back at the same address (`--fault`). */
  outage?: ServiceOutage | undefined;
}

export interface ServiceOutage {
  /** What down() does, for the report, e.g. "SIGKILL of the harness's redis-server, restarted on the same port". */
  method: string;
  down(): Promise<void>;
  up(): Promise<void>;
}

export type Log = (line: string) => void;
