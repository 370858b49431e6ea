/*
 * A private redis-server on a given port, so a test can stop Redis and start it again where the API's client
 * keeps reconnecting. Ready when it says so (never a sleep).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface RedisProcess {
  url: string;
  stop(): Promise<void>;
}

export async function redisOnPort(bin: string, port: number): Promise<RedisProcess> {
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('Ready to accept connections')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`redis-server on ${port} exited with ${code}: ${out.slice(-300)}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
