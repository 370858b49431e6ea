/* Everything a school row renderer needs: seed, scale, the term's dates, the name pools, the chunk size. */
import type { NamePools } from './namePools.ts';

export interface SchoolRowContext {
  seed: number;
  /** Students in the district. */
  students: number;
  /** The term ends on the last school day before this instant (epoch ms, UTC midnight). */
  asOfMs: number;
  pools: NamePools;
  /** Bytes per COPY chunk handed to a stream. */
  chunkBytes: number;
}

/** Upper bound of one encoded row of any school table (pool strings are capped at 80 characters). */
export const MAX_ROW_BYTES = 2048;

/** Streams of randomness, one per table, so tables never share values (hash32's `table` argument). */
export const SchoolHash = {
  schools: 101,
  classes: 102,
  students: 103,
  tasks: 104,
  submissions: 105,
  tests: 106,
  marks: 107,
  attendance: 108,
  resources: 109,
} as const;
