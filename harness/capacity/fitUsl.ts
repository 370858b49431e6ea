/*
 * Universal Scalability Law fit (Gunther): X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1)), throughput X
 * against concurrency N. No maintained npm library does it, so it is small and tested on points with known
 * parameters: N / X = 1/lambda + (sigma/lambda)(N - 1) + (kappa/lambda) N (N - 1) is linear in its three
 * coefficients, fitted by ordinary least squares; a negative sigma or kappa (no physical meaning) is pinned to 0
 * and the rest refitted. Exact USL points give their parameters back exactly.
 */
import type { UslFit } from '../model/CapacityReport.ts';

export interface UslPoint {
  concurrency: number;
  rps: number;
}

/** Least squares for y ~ X b (columns given); null when the system is singular. */
function leastSquares(columns: number[][], y: number[]): number[] | null {
  const k = columns.length;
  const a = Array.from({ length: k }, (_, i) => Array.from({ length: k + 1 }, (_, j) => (j < k ? dot(columns[i]!, columns[j]!) : dot(columns[i]!, y))));
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    if (Math.abs(a[p]![c]!) < 1e-12) return null;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let j = c; j <= k; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row, i) => row[k]! / row[i]!);
}

function dot(x: number[], y: number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return s;
}

export function uslRps(p: { lambda: number; sigma: number; kappa: number }, n: number): number {
  return (p.lambda * n) / (1 + p.sigma * (n - 1) + p.kappa * n * (n - 1));
}

export function fitUsl(points: readonly UslPoint[]): UslFit | null {
  const pts = points.filter((p) => p.concurrency > 0 && p.rps > 0 && Number.isFinite(p.concurrency) && Number.isFinite(p.rps));
  if (pts.length < 3) return null;
  const y = pts.map((p) => p.concurrency / p.rps);
  const ones = pts.map(() => 1);
  const lin = pts.map((p) => p.concurrency - 1);
  const quad = pts.map((p) => p.concurrency * (p.concurrency - 1));
  const solve = (useSigma: boolean, useKappa: boolean) => {
    const cols = [ones, ...(useSigma ? [lin] : []), ...(useKappa ? [quad] : [])];
    const b = leastSquares(cols, y);
    if (!b || !(b[0]! > 0)) return null;
    const a = b[0]!;
    const sigma = useSigma ? b[1]! / a : 0;
    const kappa = useKappa ? b[useSigma ? 2 : 1]! / a : 0;
    return { lambda: 1 / a, sigma, kappa };
  };
  let p = solve(true, true);
  if (p && (p.sigma < 0 || p.kappa < 0)) {
    const candidates = [p.sigma < 0 ? null : solve(true, false), p.kappa < 0 ? null : solve(false, true), solve(false, false)].filter(
      (c): c is NonNullable<typeof c> => !!c && c.sigma >= 0 && c.kappa >= 0,
    );
    p = candidates.sort((x, z) => sse(pts, x) - sse(pts, z))[0] ?? null;
  }
  if (!p) return null;
  const mean = pts.reduce((s, q) => s + q.rps, 0) / pts.length;
  const tot = pts.reduce((s, q) => s + (q.rps - mean) ** 2, 0);
  const res = sse(pts, p);
  const peakConcurrency = p.kappa > 0 && p.sigma < 1 ? Math.sqrt((1 - p.sigma) / p.kappa) : null;
  return {
    lambda: p.lambda,
    sigma: p.sigma,
    kappa: p.kappa,
    peakConcurrency,
    peakRps: peakConcurrency === null ? null : uslRps(p, peakConcurrency),
    rSquared: tot > 0 ? 1 - res / tot : 1,
    points: pts.map((q) => {
      const predictedRps = uslRps(p, q.concurrency);
      return { concurrency: q.concurrency, rps: q.rps, predictedRps, residual: q.rps - predictedRps };
    }),
    note: peakConcurrency === null ? 'kappa is 0 on these points: no retrograde region measured, so the fit predicts no peak' : undefined,
  };
}

function sse(pts: readonly UslPoint[], p: { lambda: number; sigma: number; kappa: number }): number {
  return pts.reduce((s, q) => s + (q.rps - uslRps(p, q.concurrency)) ** 2, 0);
}
