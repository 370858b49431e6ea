/*
 * How one test is split over N k6 instances, the same way k6-operator splits it (pkg/segmentation: instance i of
 * N runs `--execution-segment (i-1)/N:i/N` within the sequence `0,1/N,...,1`), and the tags that let a merge check
 * its shards: k6's `--tag NAME=VALUE` stamps every point an instance writes. `instance_id` is the tag k6-operator
 * itself adds to its runners (1-based); `sp_test` (the test's hash) and `sp_sequence` are scaleproof's. The
 * sequence is joined with "_" in the tag, because a comma inside a --tag value is not safe on every k6 path.
 */
export const INSTANCE_TAG = 'instance_id';
export const TEST_TAG = 'sp_test';
export const SEQUENCE_TAG = 'sp_sequence';

const part = (i: number, n: number) => (i === 0 ? '0' : i === n ? '1' : `${i}/${n}`);

/** k6's --execution-segment-sequence for N equal segments: ["0", "1/N", ..., "1"]. */
export function segmentSequence(n: number): string[] {
  return Array.from({ length: n + 1 }, (_, i) => part(i, n));
}

/** The segment of instance `index` (1-based) of N: "(index-1)/N:index/N". */
export function segmentOf(index: number, n: number): string {
  return `${part(index - 1, n)}:${part(index, n)}`;
}

export const encodeSequenceTag = (sequence: readonly string[]) => sequence.join('_');
export const decodeSequenceTag = (tag: string) => tag.split('_');

/** The k6 run flags that make instance `index` of N one shard of test `testId`. */
export function instanceArgs(index: number, n: number, testId: string): string[] {
  const seq = segmentSequence(n);
  return [
    '--execution-segment', segmentOf(index, n),
    '--execution-segment-sequence', seq.join(','),
    '--tag', `${INSTANCE_TAG}=${index}`,
    '--tag', `${TEST_TAG}=${testId}`,
    '--tag', `${SEQUENCE_TAG}=${encodeSequenceTag(seq)}`,
  ];
}
