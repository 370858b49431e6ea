/*
 * reports/ belongs to the user (their runs' output); tests write into temporary folders only. test/globalSetup.ts
 * lists reports/ before the suite and fails the run if anything in it was added, changed or removed afterwards.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** Relative path (with '/') -> 'dir', or the file's size and mtime. */
export type TreeListing = Map<string, string>;

export async function listTree(root: string): Promise<TreeListing> {
  const out: TreeListing = new Map();
  const walk = async (rel: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out.set(child, 'dir');
        await walk(child);
      } else {
        const st = await fs.lstat(path.join(root, child)).catch(() => undefined);
        out.set(child, st ? `${st.size}:${st.mtimeMs}` : 'gone');
      }
    }
  };
  await walk('');
  return out;
}

/**
 * What changed between two listings, one line each ("new test-output/", "changed README.md", "removed x").
 * Inside a new or removed folder only the folder itself is named.
 */
export function treeChanges(before: TreeListing, after: TreeListing): string[] {
  const under = (p: string, set: Set<string>) => [...set].some((d) => p.startsWith(`${d}/`));
  const name = (p: string, l: TreeListing) => (l.get(p) === 'dir' ? `${p}/` : p);
  const added = new Set([...after.keys()].filter((p) => !before.has(p)));
  const removed = new Set([...before.keys()].filter((p) => !after.has(p)));
  const out: string[] = [];
  for (const p of [...added].sort()) if (!under(p, added)) out.push(`new ${name(p, after)}`);
  for (const p of [...removed].sort()) if (!under(p, removed)) out.push(`removed ${name(p, before)}`);
  for (const [p, sig] of [...after].sort(([x], [y]) => x.localeCompare(y))) {
    if (sig !== 'dir' && before.has(p) && before.get(p) !== sig) out.push(`changed ${p}`);
  }
  return out;
}

/** Throws, naming the entries, when the tests touched `dir` (a new file or folder, a changed or removed one). */
export function assertUntouched(dir: string, before: TreeListing, after: TreeListing): void {
  const changes = treeChanges(before, after);
  if (changes.length === 0) return;
  const shown = changes.slice(0, 20).join(', ') + (changes.length > 20 ? `, ... and ${changes.length - 20} more` : '');
  throw new Error(
    `The test run wrote into ${dir} (${shown}). Tests must write to a temporary folder (fs.mkdtemp under os.tmpdir()) and remove it; ` +
      `${dir} holds the user's own run output. (If you ran a benchmark into it while the tests ran, that is what this saw.)`,
  );
}
