import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeK6Shards } from '../../harness/merge/mergeK6Shards.ts';
import type { ErrorCode } from '../../harness/errors/ScaleproofError.ts';
import { isScaleproofError } from '../../harness/errors/ScaleproofError.ts';
import { segmentFile, segmentTags, shardDir, taggedCopy } from './segmentFixtures.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-badshards-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function expectCoded(shards: string[], code: ErrorCode, names: string): Promise<void> {
  const err = await mergeK6Shards(shards).catch((e: unknown) => e);
  expect(isScaleproofError(err, code), String(err)).toBe(true);
  expect((err as Error).message).toContain(names);
  expect((err as { exitCode: number }).exitCode).toBe(2);
}

describe('mergeK6Shards refuses a bad set of shards with a coded error naming the shard', () => {
  it('a shard that does not exist, or a folder without points.ndjson: SP_SHARD_MISSING', async () => {
    const gone = path.join(tmp, 'seg4');
    await expectCoded([shardDir('seg1'), gone], 'SP_SHARD_MISSING', gone);
    const empty = path.join(tmp, 'empty-folder');
    await fs.mkdir(empty);
    await expectCoded([shardDir('seg1'), empty], 'SP_SHARD_MISSING', empty);
  });

  it('a shard cut mid-line, or holding a line that is not a k6 record: SP_SHARD_TRUNCATED', async () => {
    const text = await fs.readFile(segmentFile('seg2', 'points.ndjson'), 'utf8');
    const cut = path.join(tmp, 'cut');
    await fs.mkdir(cut);
    await fs.writeFile(path.join(cut, 'points.ndjson'), text.slice(0, Math.floor(text.length / 2) + 17));
    expect(text.slice(0, Math.floor(text.length / 2) + 17).endsWith('\n')).toBe(false);
    await expectCoded([shardDir('seg1'), cut, shardDir('seg3')], 'SP_SHARD_TRUNCATED', cut);

    const damaged = path.join(tmp, 'damaged');
    await fs.mkdir(damaged);
    const lines = text.split('\n');
    lines[100] = lines[100]!.slice(0, 40);
    await fs.writeFile(path.join(damaged, 'points.ndjson'), lines.join('\n'));
    await expectCoded([damaged], 'SP_SHARD_TRUNCATED', 'line 101');
  });

  it('the same segment twice: SP_SHARD_DUPLICATE, tagged or as two copies of one output', async () => {
    const one = taggedCopy('seg1', path.join(tmp, 'dup-a'), segmentTags(1));
    const again = taggedCopy('seg2', path.join(tmp, 'dup-b'), segmentTags(1)); // another file claiming segment 0:1/3
    const three = taggedCopy('seg3', path.join(tmp, 'dup-c'), segmentTags(3));
    await expectCoded([one, again, three], 'SP_SHARD_DUPLICATE', again);

    const copy = path.join(tmp, 'seg1-copy');
    await fs.mkdir(copy);
    await fs.copyFile(segmentFile('seg1', 'points.ndjson'), path.join(copy, 'points.ndjson'));
    await expectCoded([shardDir('seg1'), shardDir('seg2'), copy], 'SP_SHARD_DUPLICATE', copy);
  });

  it('a shard of another test (script hash or segment sequence differ, or untagged among tagged): SP_SHARD_OTHER_TEST', async () => {
    const a = taggedCopy('seg1', path.join(tmp, 'other-1'), segmentTags(1));
    const b = taggedCopy('seg2', path.join(tmp, 'other-2'), segmentTags(2, 'ffffffffffffffff'));
    await expectCoded([a, b], 'SP_SHARD_OTHER_TEST', b);
    const c = taggedCopy('seg2', path.join(tmp, 'other-seq'), segmentTags(2, 'a1b2c3d4e5f60718', '0_1/4_2/4_3/4_1'));
    await expectCoded([a, c], 'SP_SHARD_OTHER_TEST', c);
    await expectCoded([a, shardDir('seg2')], 'SP_SHARD_OTHER_TEST', shardDir('seg2'));
  });

  it('a segment of the sequence with no shard: SP_SHARD_MISSING naming the segment', async () => {
    const a = taggedCopy('seg1', path.join(tmp, 'part-1'), segmentTags(1));
    const c = taggedCopy('seg3', path.join(tmp, 'part-3'), segmentTags(3));
    await expectCoded([a, c], 'SP_SHARD_MISSING', '1/3:2/3');
  });
});
