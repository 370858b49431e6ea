/*
 * The rider fleet's layout (seed 002) as arithmetic of the rider id, so the seeder, the API's validation and
 * the load scenarios agree on every id without asking the database. Pure: no imports, no Node APIs (k6
 * imports it through scenarios/riders/endpoints.ts). Ids are 1-based and dense.
 *
 * - Rider r works in city CITIES[(r - 1) % CITIES.length]: consecutive ids are in different cities, so the
 *   hot (low) ids of a Zipf draw spread over every city's active set, queue and leaderboard.
 * - Each city has a centre; a rider's points lie within about 0.1 degrees (~11 km) of it.
 */

/** 50 Indian cities a stage-3 fleet (100K-1M riders) would cover; slugs are the API's :city. */
export const CITIES: readonly string[] = [
  'mumbai', 'delhi', 'bengaluru', 'hyderabad', 'ahmedabad', 'chennai', 'kolkata', 'pune', 'jaipur', 'surat',
  'lucknow', 'kanpur', 'nagpur', 'indore', 'thane', 'bhopal', 'visakhapatnam', 'patna', 'vadodara', 'ghaziabad',
  'ludhiana', 'agra', 'nashik', 'faridabad', 'meerut', 'rajkot', 'varanasi', 'srinagar', 'aurangabad', 'dhanbad',
  'amritsar', 'ranchi', 'howrah', 'coimbatore', 'jabalpur', 'gwalior', 'vijayawada', 'jodhpur', 'madurai', 'raipur',
  'kota', 'guwahati', 'chandigarh', 'solapur', 'mysuru', 'tiruchirappalli', 'bareilly', 'aligarh', 'moradabad', 'jalandhar',
];

/** Approximate centres (lat, lon) of CITIES, same order. */
const CENTRES: readonly (readonly [number, number])[] = [
  [19.07, 72.88], [28.61, 77.21], [12.97, 77.59], [17.39, 78.49], [23.02, 72.57], [13.08, 80.27], [22.57, 88.36], [18.52, 73.86], [26.91, 75.79], [21.17, 72.83],
  [26.85, 80.95], [26.45, 80.33], [21.15, 79.09], [22.72, 75.86], [19.22, 72.98], [23.26, 77.41], [17.69, 83.22], [25.59, 85.14], [22.31, 73.18], [28.67, 77.45],
  [30.9, 75.86], [27.18, 78.01], [19.99, 73.79], [28.41, 77.32], [28.98, 77.71], [22.3, 70.8], [25.32, 82.97], [34.08, 74.8], [19.88, 75.34], [23.8, 86.43],
  [31.63, 74.87], [23.34, 85.31], [22.59, 88.26], [11.02, 76.96], [23.18, 79.99], [26.22, 78.18], [16.51, 80.65], [26.24, 73.02], [9.93, 78.12], [21.25, 81.63],
  [25.21, 75.86], [26.14, 91.74], [30.73, 76.78], [17.66, 75.91], [12.3, 76.64], [10.79, 78.7], [28.37, 79.43], [27.88, 78.08], [28.84, 78.77], [31.33, 75.58],
];

export function cityIndexOfRider(riderId: number): number {
  return (riderId - 1) % CITIES.length;
}

export function cityOfRider(riderId: number): string {
  return CITIES[cityIndexOfRider(riderId)]!;
}

/** The city's index in CITIES, or -1 when the slug is not one. */
export function cityIndex(slug: string): number {
  return CITIES.indexOf(slug);
}

export function cityCentre(index: number): readonly [number, number] {
  return CENTRES[index]!;
}

/** '+919000000042': a rider's unique mobile number (riders.mobile is UNIQUE), for ids below 10^9. */
export function mobileOfRider(riderId: number): string {
  let s = String(riderId);
  while (s.length < 9) s = '0' + s;
  return '+919' + s;
}
