/*
 * Starts the driver tests' HTTP target (sleepTargetServer.ts) on port 0, in a child process (default) or in
 * this process, and waits for it to listen: the child's "ready" IPC message or the server's 'listening'
 * event, never a sleep. The target keeps its own record of every request; `records()` returns them so a test
 * can compare the driver's numbers with what the server actually did.
 * In-process suits latency truth tests: server and driver then share one scheduler, so a busy machine that
 * delays this process delays both clocks alike instead of only the driver's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TargetMessage } from './sleepTargetChild.ts';
import { createSleepTargetServer, type SleepTargetConfig, type TargetRecord } from './sleepTargetServer.ts';

export type { SleepTargetConfig, TargetRecord };

export interface SleepTarget {
  url: string;
  records(): Promise<TargetRecord[]>;
  stop(): Promise<void>;
}

const childFile = fileURLToPath(new URL('./sleepTargetChild.ts', import.meta.url));

function nextMessage<T extends TargetMessage['type']>(child: ChildProcess, type: T): Promise<Extract<TargetMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: TargetMessage) => {
      if (m.type !== type) return;
      cleanup();
      resolve(m as Extract<TargetMessage, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`sleep target exited (code ${code}) before sending "${type}"`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

async function startInProcess(config: SleepTargetConfig): Promise<SleepTarget> {
  const { server, records } = createSleepTargetServer(config);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    records: async () => [...records],
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function startChild(config: SleepTargetConfig): Promise<SleepTarget> {
  const child = fork(childFile, [JSON.stringify(config)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await nextMessage(child, 'ready');
  return {
    url: `http://127.0.0.1:${port}`,
    async records() {
      const reply = nextMessage(child, 'records');
      child.send({ type: 'records' });
      return (await reply).records;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    },
  };
}

export function startSleepTarget(config: SleepTargetConfig = {}, opts: { inProcess?: boolean } = {}): Promise<SleepTarget> {
  return opts.inProcess ? startInProcess(config) : startChild(config);
}
