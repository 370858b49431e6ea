/*
 * pin_analytics rows of one month segment (EventSegment, seeders/datasetPlan.ts). Row j of a segment gets
 * id firstId + j and a time stratified inside the segment: start + (j + u) / count of its length, u from
 * hash32. Rows thus come out sorted by time (and ids rise with time, as a sequence would), each computable
 * alone. The PIN is drawn with the popularity skew (keyPicker.ts); event types have fixed weights.
 * eventRowsOf streams several segments as ONE COPY (one header, one trailer): the naive variant's single
 * pin_analytics table takes all months in one COPY FREEZE.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { EVENT_TYPES, type EventType } from '../eventTypes.ts';
import { HashTable, columnHash, rowKey } from '../../engine/hash32.ts';
import type { RowContext } from '../RowContext.ts';
import type { EventSegment } from '../datasetPlan.ts';

export const EVENT_COLUMNS = ['id', 'pin_id', 'pin_number', 'event_type', 'created_at'] as const;

const MAX_EVENT_ROW_BYTES = 128;

/** Share of each event type: views dominate, contacts are rare (our assumption; seed 000 gives none). */
export const EVENT_TYPE_WEIGHTS: Readonly<Record<EventType, number>> = Object.freeze({ view: 0.55, click: 0.2, save: 0.1, share: 0.08, contact: 0.07 });

const TYPE_BYTES = EVENT_TYPES.map((t) => new TextEncoder().encode(t));
const P = 'P'.charCodeAt(0);
// Cumulative thresholds over 16 bits in EVENT_TYPES order (type and time jitter share one hash).
const TYPE_THRESHOLDS = (() => {
  let acc = 0;
  return EVENT_TYPES.map((t, i) => (i === EVENT_TYPES.length - 1 ? 65536 : Math.round((acc += EVENT_TYPE_WEIGHTS[t]) * 65536)));
})();

const enum Col { PinA, PinB, TypeAndTime }

export function* eventRows(ctx: RowContext, seg: EventSegment): Generator<CopyChunk> {
  yield* eventRowsOf(ctx, [seg]);
}

/** The rows of `segs`, in order, as one binary COPY stream. */
export function* eventRowsOf(ctx: RowContext, segs: readonly EventSegment[]): Generator<CopyChunk> {
  const { seed, pick } = ctx;
  const T = HashTable.events;
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (const seg of segs) {
    const span = seg.endMs - seg.startMs;
    for (let j = 0; j < seg.count; j++) {
      if (w.full(MAX_EVENT_ROW_BYTES)) yield w.take();
      const id = seg.firstId + j;
      const key = rowKey(seed, T, id);
      const pin = pick(columnHash(key, Col.PinA), columnHash(key, Col.PinB));
      const h = columnHash(key, Col.TypeAndTime);
      const typeBits = h >>> 16;
      let type = 0;
      while (typeBits >= TYPE_THRESHOLDS[type]!) type++;
      const u = (h & 0xffff) / 65536;
      w.row(5);
      w.int8(id);
      w.int8(pin);
      const pn = w.beginText(); // pinNumber(pin), without building a string
      w.byte(P);
      w.digitsRaw(pin, 7);
      w.endText(pn);
      w.bytes(TYPE_BYTES[type]!);
      w.timestamptzMs(seg.startMs + Math.floor(((j + u) / seg.count) * span));
    }
  }
  yield w.finish();
}
