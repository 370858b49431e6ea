/*
 * The N exact `k6 run` command lines of a test split over N machines: instance i runs segment (i-1)/N:i/N of one
 * sequence, writes its points and summary into its own folder, starts --paused (resume.sh starts them all at
 * once through k6's REST API, port 6565), leaves judging to the merge (--no-thresholds), and tags every point
 * with its instance, the test hash and the sequence, so bench:merge can check the shards it is given.
 */
import { instanceArgs } from '../drive/k6/k6Segments.ts';

/** POSIX shell quoting: bare when safe, else single quotes. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

export interface CommandLineOptions {
  instances: number;
  testId: string;
  /** -e settings the script reads (__ENV). */
  env: Readonly<Record<string, string>>;
  scriptFile: string;
}

/** The argv (after `k6`) of instance `index` (1-based). */
export function k6InstanceArgv(index: number, o: CommandLineOptions): string[] {
  const dir = `instance-${index}`;
  const args = ['run', ...instanceArgs(index, o.instances, o.testId), '--paused', '--address', '0.0.0.0:6565', '--no-thresholds'];
  args.push('--out', `json=${dir}/points.ndjson`, '--summary-export', `${dir}/summary-export.json`);
  for (const [k, v] of Object.entries(o.env)) args.push('-e', `${k}=${v}`);
  args.push(o.scriptFile);
  return args;
}

export function k6CommandLines(o: CommandLineOptions): string[] {
  return Array.from({ length: o.instances }, (_, i) => ['k6', ...k6InstanceArgv(i + 1, o)].map(shellQuote).join(' '));
}

/** resume.sh: PATCH /v1/status paused:false on every machine, as close together as the shell allows. */
export function resumeScript(instances: number): string {
  const hosts = Array.from({ length: instances }, (_, i) => `machine-${i + 1}`).join(' ');
  return [
    '#!/bin/sh',
    '# Starts the N paused k6 instances together (k6 REST API, PATCH /v1/status). Put the machines\' addresses in HOSTS,',
    '# in instance order, once every instance prints that it is paused.',
    `HOSTS="\${HOSTS:-${hosts}}"`,
    'for h in $HOSTS; do',
    '  curl -fsS -X PATCH "http://$h:6565/v1/status" -H "Content-Type: application/json" \\',
    '    --data \'{"data":{"type":"status","id":"default","attributes":{"paused":false}}}\' >/dev/null &',
    'done',
    'wait',
    '',
  ].join('\n');
}
