/*
 * riders rows: id, a name from two small pools, a unique mobile, the city of scenarios/riders/layout.ts,
 * status (90% ACTIVE, 7% INACTIVE, 3% SUSPENDED), kyc_status (85% APPROVED, 10% PENDING, 5% REJECTED) and
 * duty_status: ON for 12% of the ACTIVE + APPROVED riders (the fleet on duty at asOf), else OFF.
 */
import { BinaryCopyWriter, type CopyChunk } from '../../engine/BinaryCopyWriter.ts';
import { columnHash, rowKey } from '../../engine/hash32.ts';
import { cityOfRider, mobileOfRider } from '../../../scenarios/riders/layout.ts';
import { DAY_MS, MAX_ROW_BYTES, RidersHash, type RidersRowContext } from '../RidersRowContext.ts';

export const RIDER_COLUMNS = ['id', 'name', 'mobile', 'city', 'status', 'kyc_status', 'duty_status', 'created_at'] as const;

const FIRST = ['Aarav', 'Vivaan', 'Aditya', 'Vihaan', 'Arjun', 'Sai', 'Reyansh', 'Ayaan', 'Krishna', 'Ishaan', 'Rohan', 'Kabir', 'Ravi', 'Suresh', 'Imran', 'Priya', 'Ananya', 'Diya', 'Meera', 'Kavya', 'Farhan', 'Manoj', 'Deepak', 'Vikram', 'Rahul', 'Amit', 'Sunil', 'Harpreet', 'Joseph', 'Naveen', 'Pooja'];
const LAST = ['Sharma', 'Verma', 'Gupta', 'Singh', 'Kumar', 'Patel', 'Reddy', 'Nair', 'Iyer', 'Khan', 'Das', 'Bose', 'Mehta', 'Joshi', 'Rao', 'Yadav', 'Shaikh', 'Pillai', 'Chopra', 'Mishra', 'Naidu', 'Ghosh', 'Thomas'];

export type RiderFacts = { status: string; kyc: string; duty: 'ON' | 'OFF' };

export function riderFacts(seed: number, riderId: number): RiderFacts {
  const k = rowKey(seed, RidersHash.riders, riderId);
  const s = columnHash(k, 2) % 100;
  const status = s < 90 ? 'ACTIVE' : s < 97 ? 'INACTIVE' : 'SUSPENDED';
  const y = columnHash(k, 3) % 100;
  const kyc = y < 85 ? 'APPROVED' : y < 95 ? 'PENDING' : 'REJECTED';
  const duty = status === 'ACTIVE' && kyc === 'APPROVED' && columnHash(k, 4) % 100 < 12 ? 'ON' : 'OFF';
  return { status, kyc, duty };
}

export function* riderRows(ctx: RidersRowContext): Generator<CopyChunk> {
  const w = new BinaryCopyWriter(ctx.chunkBytes);
  for (let r = 1; r <= ctx.riders; r++) {
    if (w.full(MAX_ROW_BYTES)) yield w.take();
    const k = rowKey(ctx.seed, RidersHash.riders, r);
    const f = riderFacts(ctx.seed, r);
    w.row(8);
    w.int8(r);
    w.ascii(`${FIRST[columnHash(k, 0) % FIRST.length]} ${LAST[columnHash(k, 1) % LAST.length]}`);
    w.ascii(mobileOfRider(r));
    w.ascii(cityOfRider(r));
    w.ascii(f.status);
    w.ascii(f.kyc);
    w.ascii(f.duty);
    w.timestamptzMs(ctx.asOfMs - 400 * DAY_MS - (columnHash(k, 5) % (700 * DAY_MS)));
  }
  yield w.finish();
}
