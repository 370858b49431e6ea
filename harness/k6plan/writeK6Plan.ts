/*
 * bench:k6-plan: everything to run one workload's k6 test on N machines or on k6-operator, written into a folder:
 * script.js (the generic script and the workload's endpoint table bundled into one k6 module, so it runs anywhere
 * and fits a ConfigMap), keys.json, commands.sh (the N exact `k6 run` lines), resume.sh (starts them together),
 * k6-operator.yaml (ConfigMap, results volume, TestRun) and plan.json. The shards the runs write go to bench:merge.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { segmentOf, segmentSequence } from '../drive/k6/k6Segments.ts';
import { k6TestId } from '../drive/k6/k6TestId.ts';
import { k6EntrySource, k6LoadEnv } from '../drive/k6/runK6.ts';
import type { LoadModel } from '../model/RunSummary.ts';
import { k6CommandLines, resumeScript } from './k6CommandLines.ts';
import { k6OperatorManifest } from './k6OperatorManifest.ts';

export interface K6PlanOptions {
  workload: string;
  endpointsModule: string;
  instances: number;
  target: string;
  keys: readonly number[];
  mix: Readonly<Record<string, number>>;
  load: LoadModel;
  warmupS: number;
  durationS: number;
  outDir: string;
  /** TestRun name (a Kubernetes name). */
  name: string;
  namespace?: string | undefined;
}

export interface K6Plan {
  testId: string;
  sequence: string;
  segments: string[];
  commands: string[];
  files: Record<string, string>;
}

/** One self-contained ES module: k6 resolves only k6/* itself. */
async function bundleScript(endpointsModule: string): Promise<string> {
  const out = await build({
    stdin: { contents: k6EntrySource({ endpointsModule }), resolveDir: path.dirname(endpointsModule), sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    external: ['k6', 'k6/*'],
    write: false,
    legalComments: 'none',
  });
  return `// Written by scaleproof bench:k6-plan: the generic k6 script over one workload's endpoint table, bundled.\n${out.outputFiles[0]!.text}`;
}

export async function writeK6Plan(o: K6PlanOptions): Promise<K6Plan> {
  const script = await bundleScript(o.endpointsModule);
  const keys = JSON.stringify(o.keys);
  const env = { BASE_URL: o.target, MIX: JSON.stringify(o.mix), WARMUP: String(o.warmupS), DURATION: String(o.durationS), ...k6LoadEnv(o.load) };
  const testId = k6TestId({ entrySource: script, modules: [], keys: o.keys, settings: env });
  const commands = k6CommandLines({ instances: o.instances, testId, env: { ...env, KEYS_FILE: 'keys.json' }, scriptFile: 'script.js' });
  const sequence = segmentSequence(o.instances).join(',');
  const segments = Array.from({ length: o.instances }, (_, i) => segmentOf(i + 1, o.instances));
  const manifest = k6OperatorManifest({ name: o.name, namespace: o.namespace, instances: o.instances, testId, script, keys, env });
  const files = {
    'script.js': script,
    'keys.json': keys,
    'commands.sh': [
      '#!/bin/sh',
      `# ${o.workload}: one test split over ${o.instances} k6 instances (segments ${sequence}). Run line i on machine i, in this`,
      '# folder; each starts paused: run resume.sh to start them together. Then copy every instance-<i>/ folder to',
      `# one machine and merge: pnpm bench:merge instance-*/ --workload ${o.workload}`,
      ...commands.flatMap((c, i) => [`# machine ${i + 1}: segment ${segments[i]}`, `mkdir -p instance-${i + 1} && ${c}`]),
      '',
    ].join('\n'),
    'resume.sh': resumeScript(o.instances),
    'k6-operator.yaml': manifest,
    'plan.json': JSON.stringify({ workload: o.workload, testId, instances: o.instances, sequence, segments, target: o.target, commands }, null, 2) + '\n',
  };
  await fs.mkdir(o.outDir, { recursive: true });
  const written: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(o.outDir, name);
    await fs.writeFile(file, text, { mode: name.endsWith('.sh') ? 0o755 : 0o644 });
    written[name] = file;
  }
  return { testId, sequence, segments, commands, files: written };
}
