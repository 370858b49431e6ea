import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadThresholds } from '../../harness/judge/loadThresholds.ts';
import { isScaleproofError, type ErrorCode } from '../../harness/errors/ScaleproofError.ts';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-thresholds-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, text);
  return file;
}

async function codeOf(p: Promise<unknown>): Promise<{ code: ErrorCode; message: string }> {
  try {
    await p;
  } catch (err) {
    if (isScaleproofError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a ScaleproofError');
}

describe('loadThresholds', () => {
  it('loads a JSON threshold set', async () => {
    const file = await write('ci.json', JSON.stringify({ 'http_req_duration{endpoint:pin_public}': ['p(95)<300'], http_req_failed: ['rate<0.001'] }));
    expect(await loadThresholds(file)).toEqual({ 'http_req_duration{endpoint:pin_public}': ['p(95)<300'], http_req_failed: ['rate<0.001'] });
  });

  it('loads the default export of a TypeScript module', async () => {
    const file = await write('default.ts', "const t: Record<string, string[]> = { http_reqs: ['rate>=50'] };\nexport default t;\n");
    expect(await loadThresholds(file)).toEqual({ http_reqs: ['rate>=50'] });
  });

  it('loads the `thresholds` export of a module that has no default export', async () => {
    const file = await write('named.ts', "export const thresholds = { cache_hit_ratio: [{ threshold: 'value>0.7', abortOnFail: false }] };\n");
    expect(await loadThresholds(file)).toEqual({ cache_hit_ratio: [{ threshold: 'value>0.7', abortOnFail: false }] });
  });

  it('resolves a relative path against the given working directory', async () => {
    await write('relative.json', JSON.stringify({ checks: ['rate>0.99'] }));
    expect(await loadThresholds('relative.json', dir)).toEqual({ checks: ['rate>0.99'] });
  });

  it('rejects a set with an unknown metric before any load (SP_THRESHOLD_INVALID)', async () => {
    const file = await write('bad.json', JSON.stringify({ http_req_latency: ['p(95)<800'] }));
    const e = await codeOf(loadThresholds(file));
    expect(e.code).toBe('SP_THRESHOLD_INVALID');
    expect(e.message).toContain('http_req_latency');
  });

  it('rejects a file that is not JSON, naming the file', async () => {
    const file = await write('broken.json', '{ "http_reqs": [');
    const e = await codeOf(loadThresholds(file));
    expect(e.code).toBe('SP_THRESHOLD_INVALID');
    expect(e.message).toContain(file);
  });

  it('rejects a module that exports no set', async () => {
    const e = await codeOf(loadThresholds(await write('empty.ts', 'export const other = 1;\n')));
    expect(e.code).toBe('SP_THRESHOLD_INVALID');
    expect(e.message).toContain('export default');
  });

  it('rejects a missing file and an unsupported extension as usage errors', async () => {
    expect((await codeOf(loadThresholds(path.join(dir, 'nope.json')))).code).toBe('SP_USAGE');
    expect((await codeOf(loadThresholds(await write('set.yaml', 'http_reqs: [rate>1]')))).code).toBe('SP_USAGE');
  });
});
