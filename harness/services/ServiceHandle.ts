/* What every service starter returns: how it was provided, where it is, and how to stop what we started. */
export interface ServiceHandle<K extends string> {
  kind: K;
  /** Connection URL; may hold a password, so print it only through redactUrl. */
  url: string | undefined;
  /** PID of a process the harness started, for the no-orphans check. */
  pid?: number | undefined;
  /** Stops what the harness started; a no-op for external services. Safe to call twice. */
  stop(): Promise<void>;
}

export type Log = (line: string) => void;
