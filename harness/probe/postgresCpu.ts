/*
 * The nearest real signal to seed 001's "Database CPU > 80%" (a Supabase dashboard figure): CPU time of the
 * Postgres server processes (the postmaster and its children: backends, WAL writer, checkpointer...) read from
 * /proc, as % of this machine's CPUs. Only when the harness's Postgres runs on this machine: the backend serving
 * our own connection must be a local `postgres` process whose parent is one too. That is the whole server (every
 * database on it), as a dashboard shows it. CPU of a backend that exits between two readings after its last one is lost.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import pg from 'pg';
import { processStat } from '../capacity/procCpu.ts';

export interface PostgresCpu {
  /** CPU seconds of the server's processes since the first reading (new processes count from their start). */
  read(): Promise<number>;
  cpus: number;
}

/** Finds the local postmaster, or says why Postgres's CPU cannot be read from here. */
export async function openPostgresCpu(databaseUrl: string): Promise<PostgresCpu | { notMeasurable: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  let backend: number;
  let mine: ReturnType<typeof processStat>;
  try {
    await client.connect();
    backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    // Read while the connection is open: its backend exits when we disconnect.
    mine = processStat(backend);
  } catch (err) {
    return { notMeasurable: `could not ask Postgres for its backend pid (${(err as Error).message})` };
  } finally {
    await client.end().catch(() => undefined);
  }
  const parent = mine ? processStat(mine.ppid) : null;
  if (!mine || !parent || !/^postgres|^postmaster/.test(mine.comm) || !/^postgres|^postmaster/.test(parent.comm)) {
    return { notMeasurable: `Postgres is not a process of this machine (its backend pid ${backend} is not a local postgres process under a postmaster; a remote or containerised server's CPU is not readable here)` };
  }
  const postmaster = mine.ppid;
  const baseline = new Map<number, number>();
  const last = new Map<number, number>();
  let first = true;
  const read = async (): Promise<number> => {
    const pids = (await fs.readdir('/proc')).filter((d) => /^\d+$/.test(d)).map(Number);
    for (const pid of pids) {
      const s = processStat(pid);
      if (!s || (pid !== postmaster && s.ppid !== postmaster)) continue;
      // A process present at the first reading counts from there; one born later, from its start.
      if (!baseline.has(pid)) baseline.set(pid, first ? s.cpuS : 0);
      last.set(pid, s.cpuS);
    }
    first = false;
    let total = 0;
    for (const [pid, cpuS] of last) total += cpuS - (baseline.get(pid) ?? 0);
    return total;
  };
  await read();
  return { read, cpus: os.cpus().length };
}
