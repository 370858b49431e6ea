/*
 * A SHARD on the command line is one k6 instance's output: a folder holding its points.ndjson (or .ndjson.gz), as
 * the fixtures and `bench --k6-instances` lay them out, or that file itself. A shard that is not there is a coded
 * error naming it: the merge never goes on without it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ScaleproofError } from '../errors/ScaleproofError.ts';

export interface ResolvedShard {
  /** As given. */
  shard: string;
  points: string;
  /** The folder (for its optional exit-code file). */
  dir: string;
}

const POINTS_NAMES = ['points.ndjson', 'points.ndjson.gz'];

async function statOf(p: string) {
  return fs.stat(p).catch(() => null);
}

export async function resolveShard(shard: string): Promise<ResolvedShard> {
  const st = await statOf(shard);
  if (!st) throw new ScaleproofError('SP_SHARD_MISSING', `shard ${shard} does not exist; pass each k6 instance's folder (holding points.ndjson) or its points file`, { shard });
  if (st.isFile()) return { shard, points: shard, dir: path.dirname(shard) };
  for (const name of POINTS_NAMES) {
    const file = path.join(shard, name);
    if ((await statOf(file))?.isFile()) return { shard, points: file, dir: shard };
  }
  throw new ScaleproofError('SP_SHARD_MISSING', `shard ${shard} holds no points.ndjson (k6 --out json=...); was that instance run, or its output copied?`, { shard });
}

/** k6's exit status when the shard folder keeps it (an `exit-code` file, as in the recorded fixtures). */
export async function readExitCode(dir: string): Promise<number | null> {
  const text = await fs.readFile(path.join(dir, 'exit-code'), 'utf8').catch(() => null);
  const n = text === null ? NaN : Number(text.trim());
  return Number.isInteger(n) ? n : null;
}
