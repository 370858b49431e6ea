/*
 * location_logs rows of one month (one leaf partition in the optimized variant): LOCATIONS_PER_RIDER_MONTH
 * points per rider, at a moment of the month drawn per (rider, month, point), within ~0.1 degrees of the
 * rider's city centre; recorded_at (the device's clock) a few seconds before created_at (the API's).
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, rowKey } from '../../engine/hash32.ts';
import { cityCentre, cityIndexOfRider } from '../../../scenarios/riders/layout.ts';
import { float8 } from '../pgBinary.ts';
import { MAX_ROW_BYTES, RidersHash, type RidersRowContext } from '../RidersRowContext.ts';
import { LOCATIONS_PER_RIDER_MONTH, type MonthSpan } from '../ridersPlan.ts';

export const LOCATION_COLUMNS = ['rider_id', 'lat', 'lon', 'recorded_at', 'created_at'] as const;

/** Rows of months[m] for riders [firstRider, endRider). */
export function* locationRows(ctx: RidersRowContext, month: MonthSpan, monthIndex: number, firstRider = 1, endRider = ctx.riders + 1): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  const span = month.endMs - month.startMs;
  for (let r = firstRider; r < endRider; r++) {
    const [lat, lon] = cityCentre(cityIndexOfRider(r));
    for (let p = 0; p < LOCATIONS_PER_RIDER_MONTH; p++) {
      if (w.full(MAX_ROW_BYTES)) yield w.take();
      const k = rowKey(ctx.seed, RidersHash.locations, ((r - 1) * 12 + monthIndex) * LOCATIONS_PER_RIDER_MONTH + p);
      // Two draws per row (this is the seeder's hot loop): the moment, then offsets and delay from one more.
      const at = month.startMs + (columnHash(k, 0) % span);
      const h = columnHash(k, 1);
      w.row(5);
      w.int8(r);
      float8(w, lat + ((h & 0x7ff) % 2001 - 1000) / 10_000);
      float8(w, lon + (((h >>> 11) & 0x7ff) % 2001 - 1000) / 10_000);
      w.timestamptzMs(at - ((h >>> 22) % 1024) * 5);
      w.timestamptzMs(at);
    }
  }
  yield w.finish();
}
