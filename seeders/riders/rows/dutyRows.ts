/*
 * duty_logs: two per rider, the latest matching riders.duty_status (riderFacts): ON riders went OFF a day or
 * more ago and ON in asOf's last 8 hours; OFF riders the other way round.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, rowKey } from '../../engine/hash32.ts';
import { DAY_MS, MAX_ROW_BYTES, RidersHash, type RidersRowContext } from '../RidersRowContext.ts';
import { DUTY_LOGS_PER_RIDER } from '../ridersPlan.ts';
import { riderFacts } from './riderRows.ts';

export const DUTY_COLUMNS = ['id', 'rider_id', 'status', 'created_at'] as const;

export function* dutyRows(ctx: RidersRowContext): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let r = 1; r <= ctx.riders; r++) {
    const k = rowKey(ctx.seed, RidersHash.duty, r);
    const last = riderFacts(ctx.seed, r).duty;
    const lastMs = ctx.asOfMs - 60_000 - (columnHash(k, 0) % (8 * 3_600_000));
    const statuses = [last === 'ON' ? 'OFF' : 'ON', last];
    const times = [lastMs - DAY_MS - (columnHash(k, 1) % (30 * DAY_MS)), lastMs];
    for (let i = 0; i < DUTY_LOGS_PER_RIDER; i++) {
      if (w.full(MAX_ROW_BYTES)) yield w.take();
      w.row(4);
      w.int8((r - 1) * DUTY_LOGS_PER_RIDER + i + 1);
      w.int8(r);
      w.ascii(statuses[i]!);
      w.timestamptzMs(times[i]!);
    }
  }
  yield w.finish();
}
