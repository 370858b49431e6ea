/*
 * Merges the outputs of several k6 instances (execution segments of one test) into one measured phase: every
 * shard's points.ndjson is streamed through the same decoder and into the same per-endpoint HDR histograms and
 * per-second timeline as a single run (K6PointSink), so percentiles come from the union of the samples, never
 * from averaging each instance's. Memory is the histograms (endpoints x seconds), whatever the files' size.
 * Strict where parseK6Points is lenient: a shard that is missing, cut mid-line, from another test, or a
 * duplicate segment is a coded error naming it (ShardIdentity), never a silent partial merge.
 */
import { performance } from 'node:perf_hooks';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import type { InstancesBlock, InstanceSummary } from '../model/RunSummary.ts';
import type { TrialMeasure } from '../run/mergeTrials.ts';
import { estimatePhaseStarts } from '../drive/k6/estimatePhaseStarts.ts';
import { forEachK6Line } from '../drive/k6/forEachK6Line.ts';
import { K6PointSink, newShardTally, spanSeconds, type CacheCounts, type ShardTally } from '../drive/k6/K6PointSink.ts';
import { readExitCode, resolveShard } from './resolveShard.ts';
import { checkShardSet, ShardIdentity } from './ShardIdentity.ts';

export interface MergedK6 {
  measure: TrialMeasure;
  warmup: { requests: number; errors: number; durationS: number; latencyMs: { p50: number; p95: number; p99: number } };
  droppedIterations: number;
  xCache: Record<string, CacheCounts>;
  instances: InstancesBlock;
  /** Work done, for the points/s figure. */
  stats: { points: number; lines: number; bytes: number; seconds: number };
}

const POINT_MARK = '"type":"Point"';

export async function mergeK6Shards(shardArgs: readonly string[]): Promise<MergedK6> {
  if (shardArgs.length === 0) throw new ScaleproofError('SP_USAGE', 'give at least one SHARD (a k6 instance folder holding points.ndjson, or the file)');
  const t0 = performance.now();
  const shards = [];
  for (const s of shardArgs) shards.push(await resolveShard(s));
  const starts = await estimatePhaseStarts(shards.map((s) => s.points));
  let identity: ShardIdentity = new ShardIdentity('');
  const sink = new K6PointSink({ measuredStartMs: starts.measuredMs ?? 0, warmupStartMs: starts.warmupMs ?? 0, onTags: (tags) => identity.observe(tags) });
  const ids: ShardIdentity[] = [];
  const tallies: ShardTally[] = [];
  let lines = 0;
  let bytes = 0;
  for (const s of shards) {
    identity = new ShardIdentity(s.shard);
    const tally = newShardTally();
    sink.useTally(tally);
    const id = identity;
    const stats = await forEachK6Line(s.points, (line, lineNo) => {
      if (id.fingerprint === null && line.includes(POINT_MARK)) id.noteFirstPoint(line);
      if (!sink.line(line)) {
        throw new ScaleproofError('SP_SHARD_TRUNCATED', `shard ${s.shard}: line ${lineNo} of ${s.points} is not a k6 record (${JSON.stringify(sink.firstBadLine)}); the file is damaged`, { shard: s.shard, lineNo });
      }
    });
    if (stats.unterminated !== null) {
      throw new ScaleproofError('SP_SHARD_TRUNCATED', `shard ${s.shard}: ${s.points} ends mid-line after ${stats.lines} lines (${JSON.stringify(stats.unterminated.slice(0, 60))}...); the run was killed or the copy is incomplete`, { shard: s.shard });
    }
    if (tally.points === 0) throw new ScaleproofError('SP_SHARD_TRUNCATED', `shard ${s.shard}: ${s.points} holds no k6 points`, { shard: s.shard });
    lines += stats.lines;
    bytes += stats.bytes;
    ids.push(id);
    tallies.push(tally);
    checkShardSet(ids); // fail on the first shard that does not belong, before reading the rest
  }
  checkShardSet(ids, true);

  const span = sink.measuredSpan;
  const durationS = Number.isFinite(span.start) ? Math.max(0, (span.end - span.start) / 1000) : 0;
  const { endpoints, totals } = sink.summarize(durationS);
  const warmS = spanSeconds(sink.warmupSpan);
  const w = sink.warm.summarize(warmS).totals;
  const shardsOut: InstanceSummary[] = [];
  for (const [i, s] of shards.entries()) shardsOut.push(instanceSummary(s.shard, ids[i]!, tallies[i]!, await readExitCode(s.dir)));
  const counters: Record<string, number> = {};
  for (const t of tallies) for (const [k, v] of Object.entries(t.counters)) counters[k] = (counters[k] ?? 0) + v;
  const first = ids[0]!;
  return {
    measure: { endpoints, totals, durationS },
    warmup: { requests: w.requests, errors: w.errors, durationS: warmS, latencyMs: { p50: w.latencyMs.p50, p95: w.latencyMs.p95, p99: w.latencyMs.p99 } },
    droppedIterations: sink.dropped.measured,
    xCache: sink.xCache,
    instances: {
      count: shards.length,
      testId: first.testId,
      sequence: first.sequence?.replaceAll('_', ',') ?? null,
      identityVerified: first.tagged,
      counters,
      shards: shardsOut,
    },
    stats: { points: tallies.reduce((a, t) => a + t.points, 0), lines, bytes, seconds: (performance.now() - t0) / 1000 },
  };
}

function instanceSummary(shard: string, id: ShardIdentity, t: ShardTally, k6ExitCode: number | null): InstanceSummary {
  const durationS = t.lastMs > t.firstMs ? (t.lastMs - t.firstMs) / 1000 : 0;
  const notes: string[] = [];
  if (t.droppedIterations > 0) notes.push(`dropped ${t.droppedIterations} iterations: this instance could not keep its share of the rate`);
  if (k6ExitCode === 99) notes.push("k6 judged this instance's own share crossed a threshold (exit 99); the verdict here comes from the merged data");
  else if (k6ExitCode !== null && k6ExitCode !== 0) notes.push(`k6 exited with ${k6ExitCode}: this instance may not have finished`);
  if (!id.tagged) notes.push('no test tags: same-test and segment checks could not be made for this shard');
  const instanceId = id.instanceId === null ? null : Number(id.instanceId);
  return {
    shard,
    instanceId: Number.isInteger(instanceId) ? instanceId : null,
    segment: id.segment,
    points: t.points,
    requests: t.requests,
    errors: t.errors,
    endpoints: t.endpoints,
    droppedIterations: t.droppedIterations,
    counters: t.counters,
    durationS,
    throughputRps: durationS > 0 ? t.requests / durationS : 0,
    validity: { k6ExitCode, generatorSaturated: t.droppedIterations > 0, notes },
  };
}
