/*
 * startApi reports an API process that exits on its own after it was ready (a crash under load), once, with its
 * exit code and the tail of its stderr, and stays quiet about the exits stop() and kill() asked for.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../harness/run/startApi.ts';

describe('startApi: unexpected exits', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-start-api-'));
    // Ready at once; exits with 3 after a stderr line when told to, else serves until signalled.
    await fs.writeFile(
      path.join(dir, 'api.mjs'),
      `import http from 'node:http';
const server = http.createServer((_, res) => res.end('ok')).listen(0, '127.0.0.1', () => {
  console.log('listening on http://127.0.0.1:' + server.address().port);
  if (process.env.CRASH) setTimeout(() => { process.stderr.write('Error: terminating connection due to administrator command\\n'); process.exit(3); }, 50);
});
`,
    );
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const start = (env: Record<string, string>, seen: string[]) =>
    startApi({ entry: path.join(dir, 'api.mjs'), args: [], env: { PATH: process.env.PATH, ...env }, onUnexpectedExit: (m) => seen.push(m) });

  it('reports a crash after ready with its code and stderr tail', async () => {
    const seen: string[] = [];
    const api = await start({ CRASH: '1' }, seen);
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(1);
    expect(seen[0]).toContain('exited unexpectedly with code 3');
    expect(seen[0]).toContain('terminating connection due to administrator command');
    expect(await api.stop()).toBe(3);
    expect(seen).toHaveLength(1);
  });

  it('stays quiet about a stop() or a kill()', async () => {
    const seen: string[] = [];
    const a = await start({}, seen);
    const b = await start({}, seen);
    await a.stop();
    await b.kill();
    await new Promise((r) => setImmediate(r)); // the exit listener ran before stop() and kill() resolved
    expect(seen).toEqual([]);
  });
});
