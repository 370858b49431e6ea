/* One COPY: a target relation (a table or a leaf partition) and the rows to stream into it. */
import type { CopyChunk } from './BinaryCopyWriter.ts';

export interface LoadUnit {
  /** The logical table (a workload's seeded table name), for progress and row counts. */
  table: string;
  /** The relation COPY writes to. */
  relation: string;
  columns: readonly string[];
  /** Rows this unit will produce (known up front from the plan). */
  rows: number;
  /** Relative cost, for scheduling the biggest units first: rows times a typical encoded row width. */
  weight: number;
  /** Renders the unit's rows as binary COPY chunks; calling it again yields the same bytes. */
  render(): Generator<CopyChunk>;
}
