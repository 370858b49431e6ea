/*
 * Seed 000's key families: pin:<number>, user:<id>, pin:analytics:<number>:<day>. The caller's prefix
 * (config.redisKeyPrefix) goes in front of every key, so runs and tests can share one Redis.
 */
export type KeyFamily = 'pin' | 'user' | 'analytics';
export const KEY_FAMILIES: readonly KeyFamily[] = ['pin', 'user', 'analytics'];

export const cacheKeys = {
  pin: (pinNumber: string) => `pin:${pinNumber}`,
  user: (userId: string) => `user:${userId}`,
  /** `day` is the UTC date (YYYY-MM-DD): a new key each day, so dashboards never read yesterday's rollup. */
  analytics: (pinNumber: string, day: string) => `pin:analytics:${pinNumber}:${day}`,
};

let memoDay = -1;
let memoText = '';

/** UTC YYYY-MM-DD of `nowMs`, memoised per day (it is on a request path). */
export function utcDay(nowMs: number): string {
  const day = Math.floor(nowMs / 86_400_000);
  if (day !== memoDay) {
    memoDay = day;
    memoText = new Date(day * 86_400_000).toISOString().slice(0, 10);
  }
  return memoText;
}
