/*
 * The location buffer's flush (seed 002 "Batch inserts for location logs", "every 5 seconds or 100 items"):
 * everything pending as ONE multi-row INSERT (unnest of column arrays, one round trip, one statement), routed
 * to the month partitions by created_at, the moment the API accepted each point.
 */
import type { Database } from '../../platform/db/Database.ts';
import { locationColumns } from './locationLine.ts';

export async function insertLocations(db: Database, lines: readonly string[]): Promise<void> {
  const c = locationColumns(lines);
  await db.query({
    name: 'riders_insert_locations',
    text: `INSERT INTO location_logs (rider_id, lat, lon, recorded_at, created_at)
           SELECT * FROM unnest($1::bigint[], $2::float8[], $3::float8[], $4::timestamptz[], $5::timestamptz[])`,
    values: [c.riderIds, c.lats, c.lons, c.recordedAt, c.createdAt],
  });
}
