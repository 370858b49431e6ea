/*
 * Prints driver progress: on a terminal one line rewritten in place every second; elsewhere (CI logs, pipes)
 * one line every few seconds so logs stay readable.
 */
import type { Writable } from 'node:stream';
import { formatProgress, type DriveProgress } from './DriveProgress.ts';

export interface ProgressPrinter {
  (p: DriveProgress): void;
  /** Ends a rewritten line so the next output starts on its own line. */
  done(): void;
}

export function createProgressPrinter(stream: Writable & { isTTY?: boolean }, opts: { everyS?: number } = {}): ProgressPrinter {
  const everyS = opts.everyS ?? 5;
  const tty = stream.isTTY === true;
  let open = false;
  const print = ((p: DriveProgress) => {
    const line = formatProgress(p);
    if (tty) {
      stream.write(`\r\x1b[2K${line}`);
      open = true;
    } else if (p.elapsedS > 0 && p.elapsedS % everyS === 0) {
      stream.write(`${line}\n`);
    }
  }) as ProgressPrinter;
  print.done = () => {
    if (open) stream.write('\n');
    open = false;
  };
  return print;
}
