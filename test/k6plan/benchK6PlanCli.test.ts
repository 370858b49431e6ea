import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-k6-plan-cli-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('pnpm bench:k6-plan', () => {
  it('writes the plan folder for a workload, N instances and a target', async () => {
    const out = path.join(tmp, 'plan');
    const r = await runCli('scripts/benchK6Plan.ts', ['school', '--instances', '3', '--target', 'http://10.0.0.5:8080', '--rate', '900', '--out', out], {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 instance(s)');
    expect((await fs.readdir(out)).sort()).toEqual(['commands.sh', 'k6-operator.yaml', 'keys.json', 'plan.json', 'resume.sh', 'script.js']);
    const plan = JSON.parse(await fs.readFile(path.join(out, 'plan.json'), 'utf8'));
    expect(plan).toMatchObject({ workload: 'school', instances: 3, sequence: '0,1/3,2/3,1', segments: ['0:1/3', '1/3:2/3', '2/3:1'] });
    expect(plan.commands[1]).toContain('-e RATE=900');
  });

  it('exits 2 with one line when --instances or --target is missing or the name is not a Kubernetes name', async () => {
    for (const args of [['analytics', '--target', 'http://x:1'], ['analytics', '--instances', '2'], ['analytics', '--instances', '2', '--target', 'http://x:1', '--name', 'Bad_Name']]) {
      const r = await runCli('scripts/benchK6Plan.ts', [...args, '--out', path.join(tmp, 'never')], {});
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    await expect(fs.access(path.join(tmp, 'never'))).rejects.toThrow();
  });
});
