/*
 * Exact non-negative fractions (BigInt), for the naive variant's JavaScript aggregation: averages of rates are
 * computed exactly and rounded once, half up, to 2 decimals, as Postgres's round(numeric, 2) does on the
 * views' numeric values. Floats would round 0.625 or 66.665 differently from one run to the next order of
 * additions; exact fractions agree with Postgres except where its own 20-digit division rounding lands a
 * value exactly on a half (not seen in practice, noted in the README).
 */
function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export class Ratio {
  static readonly ZERO = new Ratio(0n, 1n);
  readonly n: bigint;
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    const g = gcd(n, d) || 1n;
    this.n = n / g;
    this.d = d / g;
  }

  /** n / d; d = 0 gives 0 (the SQL's NULLIF(...) then coalesce(..., 0)). */
  static of(n: number | bigint, d: number | bigint): Ratio {
    const bd = BigInt(d);
    return bd === 0n ? Ratio.ZERO : new Ratio(BigInt(n), bd);
  }

  /** 100 * n / d: a percentage. */
  static percent(n: number | bigint, d: number | bigint): Ratio {
    return Ratio.of(BigInt(n) * 100n, d);
  }

  add(o: Ratio): Ratio {
    return new Ratio(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  /** this / k; k = 0 gives 0. */
  div(k: number): Ratio {
    return k === 0 ? Ratio.ZERO : new Ratio(this.n, this.d * BigInt(k));
  }

  /** < 0, 0, > 0 as this is less than, equal to, greater than o. */
  compare(o: Ratio): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  /** Rounded half up to 2 decimals, as a JS number (prints as Postgres's round(x, 2) does after JSON.parse). */
  round2(): number {
    const hundredths = (this.n * 200n + this.d) / (2n * this.d);
    return Number(hundredths) / 100;
  }

  /** The mean of `values`, 0 for none (coalesce(avg(...), 0)). */
  static mean(values: readonly Ratio[]): Ratio {
    return values.reduce((s, v) => s.add(v), Ratio.ZERO).div(values.length);
  }
}
