/* One claim figure with its unit, for plan.md and plan.html: ratios as %, factors as "x", others with the unit. */
export function fmtClaimValue(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (unit === 'ratio') return `${Number((v * 100).toFixed(v >= 0.99 ? 2 : v < 0.1 ? 1 : 0))}%`;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
  return `${Number(v.toFixed(digits)).toLocaleString('en-US')} ${unit}`.trim();
}

export function fmtFactor(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${Number(v.toPrecision(3)).toLocaleString('en-US')}x`;
}

/** "before → after (factor)" as the plan claims it. */
export function claimedText(c: { claimed: { before?: number | undefined; after?: number | undefined; factor?: number | undefined }; unit: string }): string {
  const { before, after, factor } = c.claimed;
  const parts: string[] = [];
  if (before !== undefined || after !== undefined) parts.push(`${before !== undefined ? fmtClaimValue(before, c.unit) : '?'} → ${after !== undefined ? fmtClaimValue(after, c.unit) : '?'}`);
  if (factor !== undefined) parts.push(fmtFactor(factor));
  return parts.join(', ') || '—';
}
