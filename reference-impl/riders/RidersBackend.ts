/*
 * What the riders routes need from a variant: the routes (routes/ridersRoutes.ts) validate, call one of these and
 * send the JSON it returns, so both variants answer with the same bytes for the same data. `optimized` serves
 * them from Redis and the views (optimized/optimizedBackend.ts), `naive` from plain tables (naive/naiveBackend.ts).
 */
import type { EntryType } from './validation/routeSchema.ts';

export interface LocationPoint {
  lat: number;
  lon: number;
  /** The device's timestamp, ISO 8601. */
  ts: string;
}

export interface RiderState {
  rider_id: number;
  duty: string;
  location: LocationPoint | null;
  wallet_balance: string;
}

export interface ActiveRiders {
  city: string;
  active_count: number;
  /** The first ACTIVE_IDS_SHOWN on-duty riders by id. */
  rider_ids: number[];
}

export interface WalletEntry {
  entry_id: number;
  rider_id: number;
  entry_type: EntryType;
  amount: string;
  balance: string;
}

export interface LeaderboardRow {
  rank: number;
  rider_id: number;
  name: string;
  total_earnings: string;
  completed_orders: number;
  avg_rating: string;
}

export interface AssignedOrder {
  order_id: number;
  city: string;
  amount: string;
  external_ref: string | null;
  created_at: string;
}

export type LocationOutcome = 'accepted' | 'full' | 'closed';
export type WalletOutcome = WalletEntry | { refused: 'not_found' } | { refused: 'insufficient'; balance: string };

export const ACTIVE_IDS_SHOWN = 100;
export const LEADERBOARD_SIZE = 10;

export interface RidersBackend {
  recordLocation(riderId: number, lat: number, lon: number, tsMs: number): Promise<LocationOutcome>;
  /** null when the rider does not exist. */
  setDuty(riderId: number, status: 'ON' | 'OFF'): Promise<{ rider_id: number; duty: string } | null>;
  riderState(riderId: number): Promise<RiderState | null>;
  activeRiders(city: string): Promise<ActiveRiders>;
  walletEntry(riderId: number, paise: number, entryType: EntryType): Promise<WalletOutcome>;
  leaderboard(city: string): Promise<{ city: string; riders: LeaderboardRow[] }>;
  /** The city's next pending order, now assigned; null when none is pending. */
  assignNext(city: string): Promise<AssignedOrder | null>;
}
