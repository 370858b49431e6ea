import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findK6 } from '../../../harness/drive/k6/findK6.ts';
import { isScaleproofError } from '../../../harness/errors/ScaleproofError.ts';

let dir: string;
let fake: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-findk6-'));
  fake = path.join(dir, 'k6');
  await fs.writeFile(fake, '#!/bin/sh\necho "k6 v1.3.0 (fake)"\n', { mode: 0o755 });
  await fs.writeFile(path.join(dir, 'not-executable'), 'x', { mode: 0o644 });
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function failure(p: Promise<unknown>): Promise<{ code: string; exitCode: number; message: string }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isScaleproofError(err)) throw new Error(`expected a ScaleproofError, got ${String(err)}`);
  return { code: err.code, exitCode: err.exitCode, message: err.message };
}

describe('findK6', () => {
  it('fails with SP_K6_MISSING (exit 2) and the install link when k6 is neither in K6_BIN nor on PATH', async () => {
    const e = await failure(findK6(undefined, path.join(dir, 'empty-bin')));
    expect(e).toMatchObject({ code: 'SP_K6_MISSING', exitCode: 2 });
    expect(e.message).toContain('https://grafana.com/docs/k6/latest/set-up/install-k6/');
    expect(e.message).toContain('K6_BIN');
  });

  it('finds the executable K6_BIN points at', async () => {
    expect(await findK6(fake, '')).toBe(fake);
  });

  it('finds k6 on PATH when K6_BIN is unset', async () => {
    expect(await findK6(undefined, ['/nonexistent', dir].join(path.delimiter))).toBe(fake);
  });

  it('rejects a K6_BIN that is not executable, naming it', async () => {
    const bad = path.join(dir, 'not-executable');
    const e = await failure(findK6(bad, dir));
    expect(e.code).toBe('SP_K6_MISSING');
    expect(e.message).toContain(bad);
  });
});
