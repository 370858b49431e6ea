/* Leaderboard rows (from the view or the live aggregate) as the API's JSON (both variants). */
import type { LeaderboardRow } from './RidersBackend.ts';

export interface LeaderboardDbRow {
  rider_id: string;
  name: string;
  total_earnings: string;
  completed_orders: number;
  avg_rating: string;
}

export function leaderboardJson(city: string, rows: readonly LeaderboardDbRow[]): { city: string; riders: LeaderboardRow[] } {
  return {
    city,
    riders: rows.map((r, i) => ({ rank: i + 1, rider_id: Number(r.rider_id), name: r.name, total_earnings: r.total_earnings, completed_orders: r.completed_orders, avg_rating: r.avg_rating })),
  };
}
