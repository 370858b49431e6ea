/*
 * One buffered location point as a line (the WriteBuffer holds strings): rider id, lat, lon, device ts and the
 * API's acceptance time (the partition key), tab-separated; insertLocations.ts splits them back into columns.
 */
export function locationLine(riderId: number, lat: number, lon: number, tsMs: number, acceptedMs: number): string {
  return `${riderId}\t${lat}\t${lon}\t${tsMs}\t${acceptedMs}`;
}

export interface LocationColumns {
  riderIds: string[];
  lats: number[];
  lons: number[];
  recordedAt: string[];
  createdAt: string[];
}

export function locationColumns(lines: readonly string[]): LocationColumns {
  const c: LocationColumns = { riderIds: [], lats: [], lons: [], recordedAt: [], createdAt: [] };
  for (const line of lines) {
    const [id, lat, lon, ts, at] = line.split('\t');
    c.riderIds.push(id!);
    c.lats.push(Number(lat));
    c.lons.push(Number(lon));
    c.recordedAt.push(new Date(Number(ts)).toISOString());
    c.createdAt.push(new Date(Number(at)).toISOString());
  }
  return c;
}
