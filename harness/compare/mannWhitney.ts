/*
 * Two-sided Mann-Whitney U (Wilcoxon rank-sum) test over trials. The statistic is simple-statistics'
 * wilcoxonRankSum (mid-ranks for ties); the p-value is exact for small samples (the permutation distribution
 * of the rank sum, counted by dynamic programming, ties included) and the tie-corrected normal approximation
 * beyond EXACT_MAX_N pooled trials. `minAttainableP` says whether the test can reach a given alpha at all:
 * with 3 trials per side it never goes below 0.1.
 */
import { errorFunction, wilcoxonRankSum } from 'simple-statistics';

const EXACT_MAX_N = 60;

export interface MannWhitneyResult {
  /** U of sample A: the number of (a, b) pairs with a > b (ties count a half). */
  u: number;
  pValue: number;
  exact: boolean;
  minAttainableP: number;
}

function midRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((x, y) => x.v - y.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

/** counts[s] = number of size-n subsets of the doubled ranks whose sum is s. */
function rankSumDistribution(doubledRanks: readonly number[], n: number): Float64Array {
  const maxSum = doubledRanks.reduce((s, r) => s + r, 0);
  let rows: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(maxSum + 1));
  rows[0]![0] = 1;
  for (const r of doubledRanks) {
    const next = rows.map((row) => row.slice());
    for (let k = 1; k <= n; k++) {
      const from = rows[k - 1]!;
      const to = next[k]!;
      for (let s = 0; s + r <= maxSum; s++) if (from[s]! > 0) to[s + r]! += from[s]!;
    }
    rows = next;
  }
  return rows[n]!;
}

export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitney needs at least one sample on each side');
  const w = wilcoxonRankSum(a, b);
  const u = w - (n1 * (n1 + 1)) / 2;
  const N = n1 + n2;
  const expected = (n1 * (N + 1)) / 2;

  if (N <= EXACT_MAX_N) {
    const doubled = midRanks([...a, ...b]).map((r) => Math.round(r * 2));
    const counts = rankSumDistribution(doubled, n1);
    const total = counts.reduce((s, c) => s + c, 0);
    const observedDev = Math.abs(2 * w - 2 * expected);
    let extreme = 0;
    let maxDev = 0;
    for (let s = 0; s < counts.length; s++) {
      if (counts[s]! === 0) continue;
      const dev = Math.abs(s - 2 * expected);
      if (dev >= observedDev - 1e-9) extreme += counts[s]!;
      maxDev = Math.max(maxDev, dev);
    }
    let atMax = 0;
    for (let s = 0; s < counts.length; s++) if (counts[s]! > 0 && Math.abs(s - 2 * expected) >= maxDev - 1e-9) atMax += counts[s]!;
    return { u, pValue: Math.min(1, extreme / total), exact: true, minAttainableP: atMax / total };
  }

  // Normal approximation with tie correction and continuity correction.
  const ranks = midRanks([...a, ...b]);
  const tieGroups = new Map<number, number>();
  for (const r of ranks) tieGroups.set(r, (tieGroups.get(r) ?? 0) + 1);
  let tieSum = 0;
  for (const t of tieGroups.values()) tieSum += t ** 3 - t;
  const variance = ((n1 * n2) / 12) * (N + 1 - tieSum / (N * (N - 1)));
  if (variance <= 0) return { u, pValue: 1, exact: false, minAttainableP: 0 };
  const z = Math.max(0, Math.abs(w - expected) - 0.5) / Math.sqrt(variance);
  // Two-sided tail 2(1 - Φ(z)) = 1 - erf(z/√2); erf rather than simple-statistics' table-based normal CDF,
  // whose 2-decimal table floors p near 0.002.
  return { u, pValue: Math.min(1, Math.max(0, 1 - errorFunction(z / Math.SQRT2))), exact: false, minAttainableP: 0 };
}
