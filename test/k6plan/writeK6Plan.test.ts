import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeK6Plan, type K6Plan } from '../../harness/k6plan/writeK6Plan.ts';
import { decodeSequenceTag, segmentOf } from '../../harness/drive/k6/k6Segments.ts';
import { analyticsWorkload } from '../../scenarios/analytics/workload.ts';
import { schemaErrors, testRunSchema } from './testRunCrd.ts';

let tmp: string;
let plan: K6Plan;
const N = 4;
const SEQUENCE = '0,1/4,2/4,3/4,1';

/** POSIX shell words: bare words and single-quoted strings (what shellQuote writes). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replaceAll(`'\\''`, "'") : m[2]!));
}
const after = (argv: string[], flag: string) => argv.filter((_, i) => argv[i - 1] === flag);

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-k6-plan-'));
  plan = await writeK6Plan({
    workload: 'analytics',
    endpointsModule: analyticsWorkload.endpointsModule,
    instances: N,
    target: 'http://staging.example:3000',
    keys: [5, 8, 13],
    mix: { pin_public: 70, pin_analytics: 20, pin_events: 10 },
    load: { kind: 'open', ratePerSecond: 2000, connections: 400 },
    warmupS: 10,
    durationS: 60,
    outDir: path.join(tmp, 'plan'),
    name: 'scaleproof-analytics',
  });
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('bench:k6-plan for 4 instances', () => {
  it('writes 4 exact k6 run command lines, one segment each of one sequence, each with its own output folder', async () => {
    expect(plan.commands).toHaveLength(N);
    const argvs = plan.commands.map(shellWords);
    argvs.forEach((argv, i) => {
      expect(argv.slice(0, 2)).toEqual(['k6', 'run']);
      expect(after(argv, '--execution-segment')).toEqual([segmentOf(i + 1, N)]);
      expect(after(argv, '--execution-segment-sequence')).toEqual([SEQUENCE]);
      expect(after(argv, '--tag')).toEqual([`instance_id=${i + 1}`, `sp_test=${plan.testId}`, 'sp_sequence=0_1/4_2/4_3/4_1']);
      expect(after(argv, '--out')).toEqual([`json=instance-${i + 1}/points.ndjson`]);
      expect(argv).toContain('--no-thresholds');
      expect(argv).toContain('--paused');
      expect(after(argv, '-e')).toContain('MIX={"pin_public":70,"pin_analytics":20,"pin_events":10}');
      expect(after(argv, '-e')).toContain('KEYS_FILE=keys.json');
      expect(argv.at(-1)).toBe('script.js');
    });
    expect(argvs.map((a) => after(a, '--execution-segment')[0])).toEqual(['0:1/4', '1/4:2/4', '2/4:3/4', '3/4:1']);
    const sh = await fs.readFile(plan.files['commands.sh']!, 'utf8');
    for (const c of plan.commands) expect(sh).toContain(c);
    expect(JSON.parse(await fs.readFile(plan.files['keys.json']!, 'utf8'))).toEqual([5, 8, 13]);
  });

  it('bundles the script into one k6 module that imports nothing but k6', async () => {
    const script = await fs.readFile(plan.files['script.js']!, 'utf8');
    const imports = [...script.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.every((i) => i === 'k6' || i!.startsWith('k6/'))).toBe(true);
    expect(script).toMatch(/export \{[^}]*as default[^}]*options[^}]*\};/s); // what k6 reads: default, options (and handleSummary)
    expect(script).toContain('pin_public');
  });

  it('writes a k6-operator manifest that parses as YAML, has the fields the TestRun CRD requires, and gives the runners the segments and tags the merge checks', async () => {
    const docs = parseAllDocuments(await fs.readFile(plan.files['k6-operator.yaml']!, 'utf8')).map((d) => {
      expect(d.errors).toEqual([]);
      return d.toJS() as { kind: string; metadata: { name: string }; spec: Record<string, unknown>; data: Record<string, string> };
    });
    expect(docs.map((d) => d.kind)).toEqual(['ConfigMap', 'PersistentVolumeClaim', 'TestRun']);
    const [configMap, pvc, testRun] = docs as [typeof docs[0], typeof docs[0], typeof docs[0]];
    expect(schemaErrors(testRun, testRunSchema)).toEqual([]);
    expect(testRun).toMatchObject({ apiVersion: 'k6.io/v1alpha1', spec: { parallelism: N, script: { configMap: { name: configMap.metadata.name, file: 'script.js' } } } });
    expect(configMap.data['script.js']).toBe(await fs.readFile(plan.files['script.js']!, 'utf8'));
    expect(JSON.parse(configMap.data['keys.json']!)).toEqual([5, 8, 13]);

    const spec = testRun.spec as { arguments: string; runner: { volumes: Array<{ name: string; persistentVolumeClaim: { claimName: string } }>; volumeMounts: Array<{ name: string; mountPath: string }>; env: Array<{ name: string }> } };
    const args = spec.arguments.split(/\s+/); // the operator splits `arguments` on whitespace, with no shell
    expect(after(args, '--out')).toEqual(['json=/results/$(POD_NAME).ndjson']);
    expect(spec.runner.volumeMounts).toEqual([{ name: 'results', mountPath: '/results' }]);
    expect(spec.runner.volumes[0]!.persistentVolumeClaim.claimName).toBe(pvc.metadata.name);
    expect(spec.runner.env.map((e) => e.name)).toContain('POD_NAME');
    expect(args).toContain('--no-thresholds');
    expect(after(args, '-e')).toContain('KEYS_FILE=/test/keys.json');
    expect(after(args, '--tag')).toContain(`sp_test=${plan.testId}`);
    // Runner i gets --execution-segment (i-1)/N:i/N of "0,1/N,...,1" and the tag instance_id=i from the operator
    // (pkg/segmentation, pkg/resources/jobs/runner.go); the sequence tag here must be that same sequence.
    const seqTag = after(args, '--tag').find((t) => t.startsWith('sp_sequence='))!.slice('sp_sequence='.length);
    expect(decodeSequenceTag(seqTag).join(',')).toBe(SEQUENCE);
    expect(plan.segments).toEqual(['0:1/4', '1/4:2/4', '2/4:3/4', '3/4:1']);
  });
});
