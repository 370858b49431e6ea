/*
 * How a long-running CLI talks to the terminal: log lines (passwords removed), and a progress line that
 * redraws in place on a TTY and is throttled to one line per 5 s otherwise (CI logs).
 */
import { redactText } from '../../harness/services/redactUrl.ts';
import type { Secrets } from './exitWithError.ts';

export function terminalOutput(secrets: Secrets) {
  const tty = Boolean(process.stdout.isTTY);
  let lastProgressAt = 0;
  return {
    tty,
    log: (line: string) => process.stdout.write(`${tty ? '\r\x1b[K' : ''}${redactText(line, secrets)}\n`),
    progress: (line: string) => {
      if (tty) process.stdout.write(`\r\x1b[K${line}`);
      else if (Date.now() - lastProgressAt >= 5000) {
        lastProgressAt = Date.now();
        process.stdout.write(`${line}\n`);
      }
    },
    clear: () => {
      if (tty) process.stdout.write('\r\x1b[K');
    },
  };
}
