/*
 * The engine (harness/) imports no workload: the lint rule that says so fires on a workload import placed in
 * harness/, and the engine as it is passes it.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the engine imports no workload', () => {
  it.each([
    "import { analyticsWorkload } from '../../scenarios/analytics/workload.ts';",
    "import { workloads } from '../../scenarios/registry.ts';",
    "import { seedDataset } from '../../seeders/analytics/seedDataset.ts';",
    "import { analyticsPlugin } from '../../reference-impl/analytics/analyticsPlugin.ts';",
    "import { analyticsThresholds } from '../../thresholds/analytics.ts';",
  ])('rejects %s in harness/', async (line) => {
    expect(await restrictedImports(`${line}\nexport const x = 1;\n`, 'harness/run/probe.ts')).toEqual([expect.stringContaining('imports no workload')]);
  });

  it('allows the engine parts a workload plugs into', async () => {
    const code = [
      "import type { Scenario } from '../../scenarios/Scenario.ts';",
      "import { createKeySampler } from '../../seeders/engine/keySampler.ts';",
      "import type { WorkloadPlugin } from '../../reference-impl/platform/WorkloadPlugin.ts';",
      'export type X = [Scenario, WorkloadPlugin, typeof createKeySampler];',
    ].join('\n');
    expect(await restrictedImports(code, 'harness/run/probe.ts')).toEqual([]);
  });

  it('finds no workload import in harness/ as it is', async () => {
    const results = await eslint.lintFiles(['harness/**/*.ts']);
    const hits = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${path.relative(root, r.filePath)}: ${m.message}`));
    expect(hits).toEqual([]);
  });
});
