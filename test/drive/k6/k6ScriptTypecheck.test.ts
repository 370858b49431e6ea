/*
 * The k6 side type-checks against @types/k6 alone (k6 runs it as native TypeScript, and is no Node): the generic
 * script, its helpers, every workload's endpoints module with what it imports, and the entry file runK6 writes for
 * each workload. And the check has teeth: Node imports, Node globals, a misused k6 API or a table the script cannot
 * take fail it, and so does a type import that drags @types/node into the program (tsc itself would not complain
 * then, so the program's file list is checked too).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { k6EntrySource } from '../../../harness/drive/k6/runK6.ts';
import { repoRoot } from './k6Fixtures.ts';

const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const k6Config = path.join(repoRoot, 'scenarios/k6/tsconfig.json');

interface Checked {
  code: number;
  errors: string[];
  /** Absolute paths of every file in the program. */
  files: string[];
}

async function typecheck(config: string): Promise<Checked> {
  const { code, out } = await promisify(execFile)(process.execPath, [tsc, '-p', config, '--noEmit', '--listFiles', '--pretty', 'false'], { cwd: repoRoot, maxBuffer: 64 << 20 }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (err: { code?: number; stdout?: string }) => ({ code: err.code ?? 1, out: err.stdout ?? '' }),
  );
  const lines = out.split('\n').filter(Boolean);
  return { code, errors: lines.filter((l) => / error TS\d+:/.test(l)), files: lines.filter((l) => path.isAbsolute(l)) };
}

/** Program files that k6 could not have: anything from node_modules but @types/k6 and TypeScript's own lib. */
function foreign(files: string[]): string[] {
  return files.filter((f) => f.includes('/node_modules/') && !/\/node_modules\/@types\/k6\//.test(f) && !/\/node_modules\/typescript\/lib\//.test(f));
}

async function workloadEndpointModules(): Promise<string[]> {
  const dirs = await fs.readdir(path.join(repoRoot, 'scenarios'), { withFileTypes: true });
  const modules = dirs.filter((d) => d.isDirectory() && d.name !== 'k6').map((d) => path.join(repoRoot, 'scenarios', d.name, 'endpoints.ts'));
  const exists = await Promise.all(modules.map((m) => fs.access(m).then(() => true, () => false)));
  return modules.filter((_, i) => exists[i]);
}

let tmp: string;

/** A tsconfig in a scratch folder inside the repo (so `k6` resolves to node_modules/@types/k6) over `files`. */
async function scratchConfig(name: string, files: Record<string, string | ((dir: string) => string)>): Promise<string> {
  const dir = path.join(tmp, name);
  await fs.mkdir(dir, { recursive: true });
  for (const [file, body] of Object.entries(files)) await fs.writeFile(path.join(dir, file), typeof body === 'function' ? body(dir) : body);
  const config = path.join(dir, 'tsconfig.json');
  await fs.writeFile(config, JSON.stringify({ extends: path.relative(dir, k6Config), include: [], files: Object.keys(files) }, null, 2));
  return config;
}

const goodTable = `export const endpoints = {
  x: { name: 'x', route: 'GET /x/:id', expectedStatuses: [200], request: (key: number) => ({ method: 'GET' as const, path: '/x/' + key }) },
};
`;

beforeAll(async () => {
  await fs.mkdir(path.join(repoRoot, '.scaleproof'), { recursive: true }); // git-, tsc- and lint-ignored scratch space
  tmp = await fs.mkdtemp(path.join(repoRoot, '.scaleproof', 'k6-typecheck-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the k6 side', () => {
  it('type-checks against @types/k6 and nothing of Node: the script, its helpers, every workload endpoints module, and the entry file runK6 writes for each', async () => {
    const modules = await workloadEndpointModules();
    expect(modules).toContain(path.join(repoRoot, 'scenarios/analytics/endpoints.ts'));
    const entries = Object.fromEntries(modules.map((m) => [`entry-${path.basename(path.dirname(m))}.ts`, k6EntrySource({ endpointsModule: m })]));
    const [project, withEntries] = await Promise.all([typecheck(k6Config), typecheck(await scratchConfig('entries', entries))]);

    for (const result of [project, withEntries]) {
      expect(result.errors).toEqual([]);
      expect(result.code).toBe(0);
      expect(foreign(result.files)).toEqual([]);
    }
    for (const m of modules) expect(project.files).toContain(m);
    expect(project.files).toContain(path.join(repoRoot, 'scenarios/k6/workloadTest.ts'));
    expect(project.files).toContain(path.join(repoRoot, 'scenarios/k6/mixPicker.ts'));
  });

  it('fails on an endpoints module with Node imports or globals, a misused k6 API, or a table the script cannot take', async () => {
    const bad = await typecheck(
      await scratchConfig('bad', {
        'nodeImport.ts': `import { readFileSync } from 'node:fs';\nexport const endpoints = { x: { name: 'x', route: readFileSync('/r', 'utf8'), expectedStatuses: [200], request: () => ({ method: 'GET', path: '/' }) } };\n`,
        'nodeGlobal.ts': `export const endpoints = { x: { name: 'x', route: process.env.ROUTE ?? '/', expectedStatuses: [200], request: () => ({ method: 'GET', path: '/' }) } };\n`,
        'misusedK6.ts': `import http from 'k6/http';\nexport default function () { http.request('GET'); }\n`,
        'wrongTable.ts': `export const endpoints = { x: { name: 'x', route: 'GET /x', expectedStatuses: ['200'], request: () => ({ method: 'GET', path: '/x' }) } };\n`,
        'entry.ts': (dir) => k6EntrySource({ endpointsModule: path.join(dir, 'wrongTable.ts') }),
      }),
    );
    expect(bad.code).not.toBe(0);
    const errorsOf = (file: string) => bad.errors.filter((e) => e.includes(`${file}(`)).map((e) => e.replace(/^.*error (TS\d+):.*$/, '$1'));
    expect(errorsOf('nodeImport.ts')).toContain('TS2307'); // Cannot find module 'node:fs'
    expect(errorsOf('nodeGlobal.ts').some((c) => c === 'TS2580' || c === 'TS2591')).toBe(true); // Cannot find name 'process'
    expect(errorsOf('misusedK6.ts')).toContain('TS2554'); // Expected 2-4 arguments
    expect(errorsOf('entry.ts')).toContain('TS2345'); // the table is not a K6EndpointTable
  });

  it('flags an endpoints module whose type imports drag @types/node in, which tsc alone would let pass', async () => {
    const dragged = await typecheck(
      await scratchConfig('dragged', {
        'endpoints.ts': `import type { FastifyInstance } from 'fastify';\nexport type App = FastifyInstance;\n${goodTable}`,
      }),
    );
    expect(dragged.errors).toEqual([]); // tsc is satisfied: Node's types are in the program now...
    expect(foreign(dragged.files).some((f) => f.includes('/@types/node/'))).toBe(true); // ...which the first test refuses
  });
});
