/*
 * Streams one LoadUnit into Postgres with COPY ... (FORMAT binary) through pg-copy-streams. Backpressure:
 * a chunk is rendered only after the previous one was taken by the socket (write() false -> wait for
 * 'drain'), so memory stays at a few chunks per stream whatever the scale.
 *
 * With `freeze`, the relation is truncated in the COPY's own transaction so COPY FREEZE may write rows
 * already frozen and all-visible: no hint-bit rewrite or anti-wraparound vacuum of 10M fresh rows later,
 * and index-only scans work at once.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { LoadUnit } from './LoadUnit.ts';

export interface CopyUnitOptions {
  freeze: boolean;
  onRows?: ((table: string, rows: number) => void) | undefined;
  /** Checked between chunks; a sibling stream's failure stops this one. */
  aborted?: () => boolean;
}

const ident = (name: string) => '"' + name.replace(/"/g, '""') + '"';

/** Returns the rows rendered and the rows Postgres reported (COPY n). */
export async function copyUnit(client: pg.ClientBase, unit: LoadUnit, opts: CopyUnitOptions): Promise<{ rendered: number; copied: number }> {
  await client.query('BEGIN');
  try {
    if (opts.freeze) await client.query(`TRUNCATE ${ident(unit.relation)}`);
    const sql = `COPY ${ident(unit.relation)} (${unit.columns.map(ident).join(', ')}) FROM STDIN WITH (FORMAT binary${opts.freeze ? ', FREEZE' : ''})`;
    const copy = client.query(copyFrom(sql));
    let rendered = 0;
    try {
      for (const chunk of unit.render()) {
        if (opts.aborted?.()) throw new Error(`COPY into ${unit.relation} stopped: another stream failed`);
        rendered += chunk.rows;
        if (!copy.write(chunk.bytes)) await once(copy, 'drain');
        opts.onRows?.(unit.table, chunk.rows);
      }
      copy.end();
      await finished(copy);
    } catch (err) {
      copy.destroy(err as Error); // sends CopyFail so the backend leaves COPY mode
      await finished(copy).catch(() => undefined);
      throw err;
    }
    await client.query('COMMIT');
    return { rendered, copied: copy.rowCount };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
