/* One set of bounds for the flags every script shares, so --seed or --zipf-exponent mean the same everywhere. */
export const flagBounds = Object.freeze({
  users: { min: 1, max: 100_000_000 },
  /** Seeds are hashed as unsigned 32-bit integers (seeders/engine/hash32.ts). */
  seed: { min: 0, max: 4_294_967_295 },
  /** Exclusive bounds: 0 is uniform (use --distribution uniform), 5 puts everything on a handful of keys. */
  zipfExponent: { min: 0, max: 5 },
  connections: { min: 1, max: 10_000 },
  pipelining: { min: 1, max: 100 },
  rate: { min: 1, max: 10_000_000 },
  repeat: { min: 1, max: 100 },
  eventsPerUser: { min: 0, max: 10_000 },
  /** k6 processes on this machine; more than a few dozen only fight over its CPUs. */
  k6Instances: { min: 1, max: 64 },
});
