/* Everything a row renderer needs: the seed, the string pools, the popularity picker and the time anchor. */
import type { KeyPicker } from '../engine/keyPicker.ts';
import type { StringPools } from './stringPools.ts';

export interface RowContext {
  seed: number;
  users: number;
  pools: StringPools;
  pick: KeyPicker;
  /** End of the event history, epoch ms. */
  asOfMs: number;
  /** Bytes per COPY chunk handed to a stream. */
  chunkBytes: number;
}

/** Upper bound of one encoded row of the text-heavy tables (pool strings are capped well below). */
export const MAX_TEXT_ROW_BYTES = 4096;
