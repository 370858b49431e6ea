/* Every registered workload has its own file here calling describeWorkload, so none goes untested. */
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { workloads } from '../../../scenarios/registry.ts';

describe('every registered workload is run through the pipeline', () => {
  it('has test/workloads/every/<name>.test.ts for each workload in scenarios/registry.ts', async () => {
    const files = (await readdir(new URL('.', import.meta.url))).filter((f) => f.endsWith('.test.ts') && f !== 'registered.test.ts').map((f) => f.replace(/\.test\.ts$/, ''));
    expect(files.sort()).toEqual(Object.keys(workloads).sort());
  });
});
