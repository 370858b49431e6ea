/*
 * Seed 002's Redis keys ("Cache Keys Pattern"), without the API's prefix, and the key families the cache
 * metrics label them with.
 */
export const riderKeys = {
  duty: (riderId: number) => `rider:duty:${riderId}`,
  walletBalance: (riderId: number) => `rider:wallet:balance:${riderId}`,
  activeCity: (city: string) => `riders:active:city:${city}`,
  location: (riderId: number) => `rider:location:${riderId}`,
  orderQueue: (city: string) => `orders:queue:${city}`,
};

export const RIDER_KEY_FAMILIES = ['rider_duty', 'rider_wallet', 'riders_active', 'rider_location'] as const;
