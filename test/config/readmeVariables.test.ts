/* Every variable the platform and each registered workload declares is documented in the README's table. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envVariables } from '../../harness/config/readEnv.ts';
import { workloads } from '../../scenarios/registry.ts';

describe('README configuration table', () => {
  it('lists every variable of the platform and of every workload', async () => {
    const readme = await fs.readFile(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const documented = new Set([...readme.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]!));
    const declared = new Set(Object.keys(envVariables()));
    for (const load of Object.values(workloads)) for (const name of Object.keys((await load()).env)) declared.add(name);
    expect([...declared].filter((n) => !documented.has(n))).toEqual([]);
    expect([...documented].filter((n) => !declared.has(n))).toEqual([]);
  });
});
