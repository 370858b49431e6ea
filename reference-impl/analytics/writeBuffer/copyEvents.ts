/* Writes one batch of event lines (see eventLine.ts) into pin_analytics with a single COPY. */
import type { Database } from '../../platform/db/Database.ts';
import { COPY_EVENTS_SQL } from '../statements.ts';

const LINES_PER_CHUNK = 2000; // ~100 KB chunks: few stream writes, no giant string for huge batches

export function copyEvents(db: Database, lines: readonly string[]): Promise<void> {
  return db.copyIn(COPY_EVENTS_SQL, chunks(lines));
}

function* chunks(lines: readonly string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += LINES_PER_CHUNK) yield lines.slice(i, i + LINES_PER_CHUNK).join('');
}
