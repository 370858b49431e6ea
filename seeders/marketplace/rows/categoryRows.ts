/* The 24 categories: fixed names, icons and colours; the last two are inactive (mv_category_counts leaves them out). */
import type { CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { CATEGORY_COUNT } from '../../../scenarios/marketplace/layout.ts';
import type { MarketplaceRowContext } from '../MarketplaceRowContext.ts';
import { int4, renderRows } from './copyFields.ts';

export const CATEGORY_COLUMNS = ['id', 'name', 'icon', 'color', 'display_order', 'is_active'] as const;

const NAMES = [
  'Chatbots', 'Image Generation', 'Writing', 'Coding', 'Video', 'Audio', 'Music', 'Translation', 'Research', 'Productivity',
  'Design', 'Marketing', 'Education', 'Gaming', 'Streaming', 'Cloud Storage', 'VPN', 'Social Media', 'Finance', 'Health',
  'Travel', 'Shopping', 'Retired Tools', 'Beta Access',
];
const ICONS = ['bot', 'image', 'pen', 'code', 'film', 'mic', 'music', 'globe', 'search', 'check'];

export function* categoryRows(ctx: MarketplaceRowContext): Generator<CopyChunk> {
  yield* renderRows(ctx.chunkBytes, 1, CATEGORY_COUNT, 128, (w, id) => {
    w.row(CATEGORY_COLUMNS.length);
    int4(w, id);
    w.ascii(NAMES[id - 1]!);
    w.ascii(ICONS[(id - 1) % ICONS.length]!);
    w.ascii('#' + ((id * 0x2f5a7b) & 0xffffff).toString(16).padStart(6, '0'));
    int4(w, id * 10);
    w.bool(id <= CATEGORY_COUNT - 2);
  });
}
