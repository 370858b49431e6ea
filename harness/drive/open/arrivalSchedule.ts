/*
 * When each request of an open-model phase is meant to leave, fixed before any response is seen: the schedule
 * never waits for the server, which is what makes the driver open (and its latencies CO-correct).
 * - constant: the k-th arrival at k / rate seconds;
 * - poisson: exponential gaps (mean 1 / rate) from a seeded PRNG, so the same seed gives the same arrivals.
 * Times are milliseconds since the phase began.
 */
import { seededRandom } from '../../random/seededRandom.ts';

export type ArrivalProcess = 'constant' | 'poisson';

export interface ArrivalSchedule {
  /** Intended time of the next arrival (ms since the phase began); strictly increasing for constant. */
  next(): number;
}

export function createArrivalSchedule(o: { process: ArrivalProcess; ratePerSecond: number; seed: number }): ArrivalSchedule {
  if (!(o.ratePerSecond > 0) || !Number.isFinite(o.ratePerSecond)) throw new RangeError(`ratePerSecond must be a positive number (got ${o.ratePerSecond})`);
  const gapMs = 1000 / o.ratePerSecond;
  if (o.process === 'constant') {
    let k = 0;
    // (k * 1000) / rate, not a running sum (drift over millions of arrivals) nor k * gap (838 * (1000 / 838) is
    // 999.99…, one arrival too many in a 1 s phase): exact whenever rate * seconds is whole.
    const rate = o.ratePerSecond;
    return { next: () => (k++ * 1000) / rate };
  }
  const random = seededRandom(o.seed);
  let t = 0;
  return {
    next() {
      // 1 - u is in (0, 1], so the log is finite.
      t += -Math.log(1 - random()) * gapMs;
      return t;
    },
  };
}

/** Number of arrivals the schedule intends in [0, horizonMs): what an open phase of that length offers. */
export function countArrivals(schedule: ArrivalSchedule, horizonMs: number): number {
  let n = 0;
  while (schedule.next() < horizonMs) n++;
  return n;
}
