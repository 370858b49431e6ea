/*
 * Starts a reference API as a child process on port 0 (the caller names the entry script and its arguments,
 * e.g. scripts/api.ts school --variant naive) and waits until it prints its URL (never sleeps).
 * stop() sends SIGTERM, which makes the API drain and flush its write buffer, and waits for the exit.
 * kill() sends SIGKILL (a crash: nothing is drained) and waits for the exit. An exit nobody asked for (the API
 * crashed under load) is reported through onUnexpectedExit with the tail of its stderr, so a run says why its
 * requests began to fail instead of only showing the errors.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { redactText } from '../services/redactUrl.ts';
import { atExit } from './exitHooks.ts';

export interface ApiProcess {
  url: string;
  pid: number | undefined;
  /** Resolves with the exit code after SIGTERM (SIGKILL after killAfterMs). */
  stop(killAfterMs?: number): Promise<number | null>;
  /** SIGKILL, as a crash or an OOM kill would; resolves once the process is gone. */
  kill(): Promise<void>;
}

export interface StartApiOptions {
  /** The script to run with tsx, and its arguments. */
  entry: string;
  args: readonly string[];
  /** Environment of the child: the caller's environment plus DATABASE_URL, REDIS_URL, PORT, SCALEPROOF_*. */
  env: Record<string, string | undefined>;
  startTimeoutMs?: number;
  log?: (line: string) => void;
  /** Called once if the API exits after it was ready without stop() or kill(): the exit code or signal and its stderr tail. */
  onUnexpectedExit?: (message: string) => void;
}

export async function startApi(opts: StartApiOptions): Promise<ApiProcess> {
  const secrets = [opts.env.DATABASE_URL, opts.env.DATABASE_REPLICA_URL, opts.env.REDIS_URL];
  const child = spawn(process.execPath, ['--import', 'tsx', opts.entry, ...opts.args], {
    env: { ...opts.env, PORT: opts.env.PORT ?? '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderrTail: string[] = [];
  child.stderr.on('data', (b: Buffer) => {
    stderrTail.push(b.toString());
    if (stderrTail.length > 50) stderrTail.shift();
  });
  /** The last `chars` of what the API wrote to stderr, with its connection strings' secrets redacted. */
  const stderrEnd = (chars: number) => redactText(stderrTail.join('').trim().slice(-chars), secrets);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new ScaleproofError('SP_SUT_START', `the API did not print "listening on" within ${opts.startTimeoutMs ?? 60_000} ms; stderr: ${stderrEnd(800)}`));
    }, opts.startTimeoutMs ?? 60_000);
    const rl = readline.createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace(/\/$/, ''));
      } else if (opts.log) {
        opts.log(redactText(line, secrets));
      }
    });
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new ScaleproofError('SP_SUT_START', `the API exited with code ${code} before it was ready: ${stderrEnd(800)}`));
    });
  });
  let asked = false;
  void exited.then(([code, signal]) => {
    if (asked || !opts.onUnexpectedExit) return;
    const tail = stderrEnd(600).replace(/\s*\n\s*/g, ' | ');
    opts.onUnexpectedExit(`the API process (pid ${child.pid}) exited unexpectedly with ${signal ? `signal ${signal}` : `code ${code}`}; its stderr ended: ${tail || '(nothing)'}`);
  });
  // Safety net for a harness that exits without stopping it (an uncaught error, a forced exit): SIGTERM, so
  // the API still drains and flushes what it acknowledged, then exits on its own.
  const disarm = atExit(() => child.kill('SIGTERM'));
  void exited.then(disarm);
  return {
    url,
    pid: child.pid,
    stop: async (killAfterMs = 30_000) => {
      asked = true;
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      const [code] = await exited;
      clearTimeout(t);
      return code;
    },
    kill: async () => {
      asked = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
