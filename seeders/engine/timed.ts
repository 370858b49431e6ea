/* Wall seconds per seeding phase (SeedOutcome.phases). */
export type Phases = Record<string, number>;

export async function timed<T>(phases: Phases, name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    phases[name] = (phases[name] ?? 0) + (performance.now() - t0) / 1000;
  }
}
