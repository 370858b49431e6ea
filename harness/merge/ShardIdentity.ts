/*
 * Which test and which segment a shard is, read from the tags k6 stamps on every point (harness/drive/k6/
 * k6Segments.ts), and the checks that make a merge all-or-nothing: every shard from the same test (same sp_test
 * hash, same segment sequence), no segment twice, no segment missing. Shards without tags (a plain `k6 run`, the
 * recorded fixtures) cannot be checked that way: they must all be untagged, and two shards whose first point is
 * byte-identical are the same instance's output given twice.
 */
import { createHash } from 'node:crypto';
import { ScaleproofError } from '../errors/ScaleproofError.ts';
import { decodeSequenceTag, INSTANCE_TAG, SEQUENCE_TAG, TEST_TAG } from '../drive/k6/k6Segments.ts';

export class ShardIdentity {
  testId: string | null = null;
  sequence: string | null = null;
  instanceId: string | null = null;
  /** sha1 of the shard's first point line: equal for two copies of one output. */
  fingerprint: string | null = null;
  #seen = false;

  constructor(readonly shard: string) {}

  /** Checks the tags of one point against the shard's first (a file mixing two tests is another test too). */
  observe(tags: Record<string, string>): void {
    const t = tags[TEST_TAG] ?? null;
    const s = tags[SEQUENCE_TAG] ?? null;
    const i = tags[INSTANCE_TAG] ?? null;
    if (!this.#seen) {
      this.#seen = true;
      this.testId = t;
      this.sequence = s;
      this.instanceId = i;
    } else if (t !== this.testId || s !== this.sequence || i !== this.instanceId) {
      throw new ScaleproofError('SP_SHARD_OTHER_TEST', `shard ${this.shard} mixes points of two tests or instances (${TEST_TAG}/${SEQUENCE_TAG}/${INSTANCE_TAG} tags change inside it); give each instance's own file`, { shard: this.shard });
    }
  }

  noteFirstPoint(line: string): void {
    this.fingerprint ??= createHash('sha1').update(line).digest('hex');
  }

  get tagged(): boolean {
    return this.testId !== null;
  }

  /** The segment from the sequence and the instance id, e.g. "1/4:2/4". */
  get segment(): string | null {
    const seq = this.sequence === null ? null : decodeSequenceTag(this.sequence);
    const i = Number(this.instanceId);
    return seq && Number.isInteger(i) && i >= 1 && i < seq.length ? `${seq[i - 1]}:${seq[i]}` : null;
  }
}

/**
 * Throws the coded error for the first shard that does not belong with the others; with `complete`, also when a
 * segment of the sequence has no shard (checked once all shards are read).
 */
export function checkShardSet(ids: readonly ShardIdentity[], complete = false): void {
  const first = ids[0];
  if (!first) return;
  for (const id of ids) {
    if (id.tagged !== first.tagged) {
      const [tagged, plain] = id.tagged ? [id, first] : [first, id];
      throw new ScaleproofError('SP_SHARD_OTHER_TEST', `shard ${plain.shard} carries no ${TEST_TAG} tag but shard ${tagged.shard} does: they are not shards of one scaleproof-planned test`, { shard: plain.shard });
    }
  }
  const byPrint = new Map<string, ShardIdentity>();
  for (const id of ids) {
    const twin = id.fingerprint === null ? undefined : byPrint.get(id.fingerprint);
    if (twin) throw new ScaleproofError('SP_SHARD_DUPLICATE', `shard ${id.shard} holds the same points as shard ${twin.shard}: one instance's output was given twice`, { shard: id.shard, twin: twin.shard });
    if (id.fingerprint !== null) byPrint.set(id.fingerprint, id);
  }
  if (!first.tagged) return;
  for (const id of ids) {
    if (id.testId !== first.testId) throw new ScaleproofError('SP_SHARD_OTHER_TEST', `shard ${id.shard} is from another test: script hash ${TEST_TAG}=${id.testId}, while shard ${first.shard} has ${first.testId}`, { shard: id.shard });
    if (id.sequence !== first.sequence) {
      throw new ScaleproofError('SP_SHARD_OTHER_TEST', `shard ${id.shard} is from another test: segment sequence ${id.sequence?.replaceAll('_', ',')}, while shard ${first.shard} has ${first.sequence?.replaceAll('_', ',')}`, { shard: id.shard });
    }
    if (id.segment === null) throw new ScaleproofError('SP_SHARD_OTHER_TEST', `shard ${id.shard} has instance ${id.instanceId} outside its segment sequence`, { shard: id.shard });
  }
  const bySegment = new Map<string, ShardIdentity>();
  for (const id of ids) {
    const twin = bySegment.get(id.segment!);
    if (twin) throw new ScaleproofError('SP_SHARD_DUPLICATE', `shard ${id.shard} runs segment ${id.segment}, as shard ${twin.shard} does: each segment must be merged once`, { shard: id.shard, twin: twin.shard });
    bySegment.set(id.segment!, id);
  }
  if (!complete) return;
  const seq = decodeSequenceTag(first.sequence!);
  const missing = seq.slice(1).map((end, i) => `${seq[i]}:${end}`).filter((s) => !bySegment.has(s));
  if (missing.length) {
    throw new ScaleproofError('SP_SHARD_MISSING', `segment${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of test ${first.testId} ${missing.length > 1 ? 'have' : 'has'} no shard (${ids.length} of ${seq.length - 1} given); a partial merge would under-count the test`, { missing });
  }
}
