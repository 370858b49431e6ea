/*
 * Draws the endpoint of each request by the scenario's mix weights from a seeded PRNG, so the same seed gives
 * the same sequence of endpoints (which connection sends each one still depends on timing).
 * mulberry32: 32-bit state, one multiply-xorshift per draw; plenty for picking among a handful of endpoints,
 * and cheap enough for the per-request hot path.
 */
import { ScaleproofError } from '../../errors/ScaleproofError.ts';
import { seededRandom } from '../../random/seededRandom.ts';

export interface EndpointPicker {
  /** Index into the weights given to createEndpointPicker. */
  next(): number;
}

export function createEndpointPicker(weights: readonly number[], seed: number): EndpointPicker {
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new ScaleproofError('SP_CONFIG', `Endpoint weights must be finite and >= 0 (got ${weights.join(', ')}). Fix the scenario mix.`);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new ScaleproofError('SP_CONFIG', 'Every endpoint in the mix has weight 0. Give at least one endpoint a positive weight.');
  // Cumulative upper bounds; a 0-weight endpoint has an empty interval and is never drawn.
  const bounds = new Float64Array(weights.length);
  let acc = 0;
  weights.forEach((w, i) => (bounds[i] = (acc += w) / total));
  const last = weights.reduce((found, w, i) => (w > 0 ? i : found), 0);
  const random = seededRandom(seed);
  if (weights.filter((w) => w > 0).length === 1) return { next: () => (random(), last) };
  return {
    next() {
      const r = random();
      for (let i = 0; i < last; i++) if (r < bounds[i]!) return i;
      return last;
    },
  };
}
