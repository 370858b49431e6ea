/*
 * Runs any workload under k6 with the one generic script, scenarios/k6/workloadTest.ts. k6 resolves imports
 * statically (no import path from __ENV), so runK6 writes an entry file into the run folder that imports the
 * workload's endpoint table (`endpoints` from its endpoints module) and the script's factory, and re-exports what
 * k6 reads (options, default, handleSummary). It also writes the keys and the k6 threshold set (toK6Thresholds)
 * as JSON files the script loads with open(), runs `k6 run --summary-export ... --out json=... entry.ts` with the
 * run's settings as `-e NAME=value` (k6's __ENV), streams every output line to a callback, and returns the exit
 * code and file paths. Exit 0 = thresholds held, 99 = crossed (k6's code); any other exit is SP_K6_FAILED.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ScaleproofError } from '../../errors/ScaleproofError.ts';
import type { ThresholdSet } from '../../judge/ThresholdSet.ts';
import type { LoadModel } from '../../model/RunSummary.ts';
import { toK6Thresholds, type K6ThresholdMapping } from './toK6Thresholds.ts';

/** The generic script; the entry file imports its createWorkloadTest. */
export const DEFAULT_K6_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scenarios/k6/workloadTest.ts');
export const K6_THRESHOLDS_CROSSED = 99;

export interface RunK6Options {
  k6Path: string;
  /**
   * Absolute path of the workload's endpoints module (Workload.endpointsModule), which exports its endpoint table
   * as `endpoints`; k6 imports it, so it and what it imports must be k6-loadable (scenarios/k6/tsconfig.json).
   */
  endpointsModule: string;
  /** The generic script exporting createWorkloadTest; default scenarios/k6/workloadTest.ts. */
  scriptPath?: string | undefined;
  baseUrl: string;
  /** Pre-sampled key ids (seeders/keySampler.ts), cycled through by the script. */
  keys: readonly number[];
  /** Weight per endpoint name of the table; k6 refuses names the table does not have. */
  mix: Readonly<Record<string, number>>;
  load: LoadModel;
  warmupS: number;
  durationS: number;
  thresholds: ThresholdSet;
  /** Where the files go; default a fresh temp dir. */
  workDir?: string | undefined;
  /** Gzip the points stream (k6 does it when the name ends in .gz); default true, the stream is large. */
  gzipPoints?: boolean | undefined;
  /** For one of several k6 instances: k6's --execution-segment and --execution-segment-sequence. */
  executionSegment?: { segment: string; sequence?: string | undefined } | undefined;
  /** k6's REST API address (--address host:port); several local instances need one each. */
  address?: string | undefined;
  /** Start paused (--paused): the run begins when its REST API is told to resume (runK6Instances). */
  paused?: boolean | undefined;
  /** --no-thresholds: k6 does not judge (one instance of several sees only its share of the test). */
  noThresholds?: boolean | undefined;
  /** --tag NAME=VALUE on every point k6 writes (the merge reads the shard's identity from them). */
  tags?: Readonly<Record<string, string>> | undefined;
  onLine?: ((line: string, stream: 'stdout' | 'stderr') => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface K6Run {
  exitCode: number;
  thresholdsCrossed: boolean;
  workDir: string;
  files: { entry: string; keys: string; thresholds: string; summaryExport: string; points: string; handleSummary: string };
  /** Our threshold keys/expressions -> the ones k6 judged (see toK6Thresholds). */
  mapping: K6ThresholdMapping[];
  args: string[];
}

/** The k6 settings of a load model (-e NAME=value); also written into bench:k6-plan's command lines. */
export function k6LoadEnv(load: LoadModel): Record<string, string> {
  // Open model: a fixed pool of VUs (like autocannon's connections); when it runs dry k6 drops iterations and
  // reports dropped_iterations instead of quietly lowering the rate.
  return load.kind === 'closed'
    ? { LOAD: 'closed', VUS: String(load.connections) }
    : { LOAD: 'open', RATE: String(load.ratePerSecond), VUS: String(load.connections), MAX_VUS: String(load.connections) };
}

/**
 * Module paths as the entry file's import specifiers: plain absolute filesystem paths, the form k6 documents
 * ("Local modules ... accessed either through relative or absolute filesystem paths", grafana.com/docs/k6/latest/
 * using-k6/modules). k6 v1 loads a .ts module natively (its compiler strips the types with esbuild), so the
 * entry imports the .ts sources themselves. k6's loader turns a specifier into a file: URL (loader.Resolve) and
 * URL-unescapes its path before reading it, so a path with %, ? or # would name another file; refused here.
 * tsc resolves the same specifiers, so the entry file type-checks too (test/drive/k6/k6ScriptTypecheck.test.ts).
 */
function importSpecifier(what: string, file: string): string {
  if (!path.isAbsolute(file)) throw new ScaleproofError('SP_CONFIG', `${what} must be an absolute path, got ${JSON.stringify(file)}`);
  if (!/\.(ts|js)$/.test(file)) throw new ScaleproofError('SP_CONFIG', `${what} must be a .ts or .js module, got ${JSON.stringify(file)}`);
  if (/[%?#\n\r]/.test(file)) throw new ScaleproofError('SP_CONFIG', `${what} ${JSON.stringify(file)} holds a character k6's module loader misreads (% ? # or a line break); move the checkout`);
  if (!existsSync(file)) throw new ScaleproofError('SP_CONFIG', `${what} ${file} does not exist`);
  // Forward slashes on Windows too: k6 reads "C:/dir/x.ts" as file:///C:/dir/x.ts.
  return path.normalize(file).split(path.sep).join('/');
}

/**
 * The entry file k6 runs: imports the workload's table (its `endpoints` export) and the generic script, and
 * re-exports what k6 reads. Throws SP_CONFIG for a path k6 could not import.
 */
export function k6EntrySource(o: { endpointsModule: string; scriptPath?: string | undefined }): string {
  const table = importSpecifier('endpointsModule', o.endpointsModule);
  const script = importSpecifier('the k6 script', o.scriptPath ?? DEFAULT_K6_SCRIPT);
  return [
    '// Written by scaleproof (harness/drive/k6/runK6.ts) for one k6 run: the generic script over one workload\'s endpoint table.',
    `import { endpoints } from ${JSON.stringify(table)};`,
    `import { createWorkloadTest } from ${JSON.stringify(script)};`,
    '',
    'const test = createWorkloadTest(endpoints);',
    'export const options = test.options;',
    'export default test.iteration;',
    'export const handleSummary = test.handleSummary;',
    '',
  ].join('\n');
}

export async function runK6(opts: RunK6Options): Promise<K6Run> {
  const entrySource = k6EntrySource(opts);
  const workDir = opts.workDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'scaleproof-k6-')));
  await fs.mkdir(workDir, { recursive: true });
  const files = {
    entry: path.join(workDir, 'entry.ts'),
    keys: path.join(workDir, 'keys.json'),
    thresholds: path.join(workDir, 'thresholds.json'),
    summaryExport: path.join(workDir, 'summary-export.json'),
    points: path.join(workDir, opts.gzipPoints === false ? 'points.ndjson' : 'points.ndjson.gz'),
    handleSummary: path.join(workDir, 'handle-summary.json'),
  };
  const { thresholds, mapping } = toK6Thresholds(opts.thresholds, { mix: opts.mix, durationS: opts.durationS });
  await fs.writeFile(files.entry, entrySource);
  await fs.writeFile(files.keys, JSON.stringify(opts.keys));
  await fs.writeFile(files.thresholds, JSON.stringify(thresholds, null, 2));

  const env: Record<string, string> = {
    BASE_URL: opts.baseUrl,
    KEYS_FILE: files.keys,
    MIX: JSON.stringify(opts.mix),
    WARMUP: String(opts.warmupS),
    DURATION: String(opts.durationS),
    THRESHOLDS_FILE: files.thresholds,
    SUMMARY_FILE: files.handleSummary,
    ...k6LoadEnv(opts.load),
  };
  const args = ['run', '--summary-export', files.summaryExport, '--out', `json=${files.points}`];
  if (opts.executionSegment) {
    args.push('--execution-segment', opts.executionSegment.segment);
    if (opts.executionSegment.sequence) args.push('--execution-segment-sequence', opts.executionSegment.sequence);
  }
  if (opts.address) args.push('--address', opts.address);
  if (opts.paused) args.push('--paused');
  if (opts.noThresholds) args.push('--no-thresholds');
  for (const [name, value] of Object.entries(opts.tags ?? {})) args.push('--tag', `${name}=${value}`);
  for (const [name, value] of Object.entries(env)) args.push('-e', `${name}=${value}`);
  args.push(files.entry);

  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(opts.k6Path, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: opts.signal });
    const tail: string[] = [];
    const follow = (stream: NodeJS.ReadableStream, name: 'stdout' | 'stderr') => {
      readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        opts.onLine?.(line, name);
      });
    };
    follow(child.stdout, 'stdout');
    follow(child.stderr, 'stderr');
    child.on('error', (err) => reject(new ScaleproofError('SP_K6_FAILED', `could not run ${opts.k6Path}: ${err.message}`, { args }, { cause: err })));
    child.on('close', (code, signal) => {
      if (code === 0 || code === K6_THRESHOLDS_CROSSED) return resolve(code);
      const last = tail.filter((l) => l.trim()).at(-1) ?? '(no output)';
      reject(new ScaleproofError('SP_K6_FAILED', `k6 exited with ${code ?? `signal ${signal}`}: ${last}`, { exitCode: code, signal, args, tail: [...tail], workDir }));
    });
  });
  return { exitCode, thresholdsCrossed: exitCode === K6_THRESHOLDS_CROSSED, workDir, files, mapping, args };
}
