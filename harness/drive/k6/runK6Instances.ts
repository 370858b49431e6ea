/*
 * One test split over N local k6 processes, as k6-operator splits it over runner pods: instance i of N runs
 * execution segment (i-1)/N:i/N of one segment sequence, with its own REST API port (two instances on one host
 * otherwise fight over 127.0.0.1:6565, as the recorded fixtures show) and its own output folder. Each starts
 * --paused; once every instance's API answers, all are resumed at once (PATCH /v1/status), so no instance runs
 * its share while another is still initialising. k6's own thresholds are off (--no-thresholds): each instance sees
 * a third of the test, so the verdict comes from the merge (harness/merge/). Every point is tagged with the
 * instance, the test hash and the sequence, so the merge can check its shards.
 */
import net from 'node:net';
import path from 'node:path';
import { ScaleproofError } from '../../errors/ScaleproofError.ts';
import { waitForK6Api, resumeK6 } from './k6RestApi.ts';
import { INSTANCE_TAG, SEQUENCE_TAG, TEST_TAG, encodeSequenceTag, segmentOf, segmentSequence } from './k6Segments.ts';
import { k6TestId } from './k6TestId.ts';
import { DEFAULT_K6_SCRIPT, k6EntrySource, runK6, type K6Run, type RunK6Options } from './runK6.ts';

export interface RunK6InstancesOptions extends Omit<RunK6Options, 'workDir' | 'executionSegment' | 'address' | 'paused' | 'noThresholds' | 'tags' | 'onLine' | 'signal'> {
  instances: number;
  /** Parent folder: instance i writes into <workDir>/instance-<i>. */
  workDir: string;
  /** How long an instance may take to initialise before the start is given up (default 120 s). */
  readyTimeoutMs?: number | undefined;
  onLine?: ((line: string, stream: 'stdout' | 'stderr', instance: number) => void) | undefined;
}

export interface K6InstancesRun {
  testId: string;
  sequence: string;
  runs: K6Run[];
  /** The instances' output folders: the shards bench:merge takes. */
  shards: string[];
  /** Epoch ms at which the resume calls went out. */
  resumedAtMs: number;
}

/** N free local ports, asked of the OS (port 0) rather than guessed. */
async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<net.Server>((resolve, reject) => {
      const s = net.createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => resolve(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

export async function runK6Instances(o: RunK6InstancesOptions): Promise<K6InstancesRun> {
  if (!Number.isInteger(o.instances) || o.instances < 1) throw new ScaleproofError('SP_USAGE', `--k6-instances must be a whole number of at least 1, got ${o.instances}`);
  const n = o.instances;
  const entrySource = k6EntrySource(o);
  const testId = k6TestId({
    entrySource,
    modules: [o.scriptPath ?? DEFAULT_K6_SCRIPT, o.endpointsModule],
    keys: o.keys,
    settings: { baseUrl: o.baseUrl, mix: o.mix, load: o.load, warmupS: o.warmupS, durationS: o.durationS, thresholds: o.thresholds },
  });
  const seq = segmentSequence(n);
  const ports = await freePorts(n);
  const abort = new AbortController();
  let firstFailure: unknown;
  const instances = ports.map((port, i) => {
    const index = i + 1;
    const address = `127.0.0.1:${port}`;
    const run = runK6({
      ...o,
      workDir: path.join(o.workDir, `instance-${index}`),
      executionSegment: { segment: segmentOf(index, n), sequence: seq.join(',') },
      address,
      paused: true,
      noThresholds: true,
      tags: { [INSTANCE_TAG]: String(index), [TEST_TAG]: testId, [SEQUENCE_TAG]: encodeSequenceTag(seq) },
      onLine: (line, stream) => o.onLine?.(line, stream, index),
      signal: abort.signal,
    });
    run.catch((err: unknown) => {
      firstFailure ??= err;
      abort.abort(); // one instance failing stops the others: no partial test
    });
    return { address, run };
  });
  const settled = Promise.allSettled(instances.map((x) => x.run));
  try {
    // Ready = every API answers; an instance that exits first fails the start (its own error wins).
    await Promise.all(instances.map((x) => Promise.race([waitForK6Api(x.address, { timeoutMs: o.readyTimeoutMs ?? 120_000, signal: abort.signal }), x.run.then(() => {
      throw new ScaleproofError('SP_K6_FAILED', `k6 instance at ${x.address} exited before it was resumed`);
    })])));
    const resumedAtMs = Date.now();
    await Promise.all(instances.map((x) => resumeK6(x.address)));
    const runs = await Promise.all(instances.map((x) => x.run));
    return { testId, sequence: seq.join(','), runs, shards: runs.map((r) => r.workDir), resumedAtMs };
  } catch (err) {
    // The first instance's own failure (k6's last line) explains more than the aborts it caused.
    const cause = firstFailure ?? err;
    abort.abort();
    await settled;
    throw cause;
  }
}
