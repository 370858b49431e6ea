/* The suite's guard on reports/ (test/globalSetup.ts): it notices new, changed and removed entries and names them. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertUntouched, listTree, treeChanges } from './reportsGuard.ts';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-reports-guard-'));
  await fs.writeFile(path.join(dir, 'README.md'), '# reports/\n');
  await fs.mkdir(path.join(dir, 'old-run'));
  await fs.writeFile(path.join(dir, 'old-run', 'summary.json'), '{}');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('reports/ guard', () => {
  it('passes when nothing in the folder changed', async () => {
    const before = await listTree(dir);
    expect(() => assertUntouched('reports/', before, new Map(before))).not.toThrow();
    expect(treeChanges(before, await listTree(dir))).toEqual([]);
  });

  it('fails naming a new folder once (not every file in it), a new file, a changed file and a removed one', async () => {
    const before = await listTree(dir);
    await fs.mkdir(path.join(dir, 'test-output', 'report-html'), { recursive: true });
    await fs.writeFile(path.join(dir, 'test-output', 'report-html', 'report.html'), '<html>');
    await fs.writeFile(path.join(dir, 'stray.json'), '{}');
    await fs.writeFile(path.join(dir, 'old-run', 'summary.json'), '{"changed":true}');
    await fs.rm(path.join(dir, 'README.md'));
    const after = await listTree(dir);
    expect(treeChanges(before, after)).toEqual(['new stray.json', 'new test-output/', 'removed README.md', 'changed old-run/summary.json']);
    expect(() => assertUntouched('reports/', before, after)).toThrow(/wrote into reports\/ \(new stray\.json, new test-output\/, removed README\.md, changed old-run\/summary\.json\)/);
  });

  it('lists a missing folder as empty, so a created reports/ is reported too', async () => {
    const missing = path.join(dir, 'nope');
    const before = await listTree(missing);
    expect(before.size).toBe(0);
    await fs.mkdir(path.join(missing, 'run'), { recursive: true });
    expect(treeChanges(before, await listTree(missing))).toEqual(['new run/']);
  });
});
